// Reference oracle for FsrsOracleTests: replays review histories through ts-fsrs 5 and writes every state.
// Usage: node oracle.mjs input.json output.json (run where ts-fsrs@5 is installed in node_modules).
// Input: { histories: [{ w?, retention?, maxInterval?, fuzz, shortTerm, learningSteps?, relearningSteps?,
//          start, reviews: [[atMs, rating], ...] }] }; absent settings take the library's defaults.
// Output: { version, results: [ [[state, stability, difficulty, dueMs, step, reps, lapses, scheduledDays,
//          retrievabilityBeforeReview], ...] | { error } ] }.
import { readFileSync, writeFileSync } from 'node:fs';
import { FSRSVersion, createEmptyCard, fsrs } from 'ts-fsrs';

const [inputPath, outputPath] = process.argv.slice(2);
if (!inputPath || !outputPath) {
  console.error('usage: node oracle.mjs input.json output.json');
  process.exit(2);
}

const input = JSON.parse(readFileSync(inputPath, 'utf8'));

function settingsOf(history) {
  // Only keys the history sets, so that everything else falls back to the library's own defaults.
  const settings = { enable_fuzz: history.fuzz, enable_short_term: history.shortTerm };
  if (history.w != null) settings.w = history.w;
  if (history.retention != null) settings.request_retention = history.retention;
  if (history.maxInterval != null) settings.maximum_interval = history.maxInterval;
  if (history.learningSteps != null) settings.learning_steps = history.learningSteps;
  if (history.relearningSteps != null) settings.relearning_steps = history.relearningSteps;
  return settings;
}

function replay(history) {
  const scheduler = fsrs(settingsOf(history));
  let card = createEmptyCard(new Date(history.start));
  const states = [];
  for (const [at, rating] of history.reviews) {
    const when = new Date(at);
    const retrievability = scheduler.get_retrievability(card, when, false);
    card = scheduler.next(card, when, rating).card;
    states.push([
      card.state,
      card.stability,
      card.difficulty,
      card.due.getTime(),
      card.learning_steps,
      card.reps,
      card.lapses,
      card.scheduled_days,
      retrievability,
    ]);
  }
  return states;
}

const results = input.histories.map((history) => {
  try {
    return replay(history);
  } catch (error) {
    return { error: String(error?.stack ?? error) };
  }
});

writeFileSync(outputPath, JSON.stringify({ version: FSRSVersion, results }));
