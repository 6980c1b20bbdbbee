// Evaluates the parity cases of FormsParityTests with forms.js; the C# test compares the results with its engine.
// Usage: node parity-runner.js <forms.js> <input.json> <output.json>
'use strict';
const fs = require('fs');
const forms = require(process.argv[2]);
const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));

function encode(value) {
  if (typeof value === 'string') { return { type: 'string', value }; }
  if (typeof value === 'boolean') { return { type: 'boolean', value: value ? 'true' : 'false' }; }
  if (typeof value === 'number') { return { type: 'number', value: Object.is(value, -0) ? '-0' : String(value) }; }
  if (value instanceof forms.XDate) { return { type: 'date', value: forms.formatDate(value.day) }; }
  throw new Error('Unexpected value ' + String(value));
}

const expressions = input.expressions.map((c) => {
  const parsed = forms.parse(c.expression);
  if (parsed.error) {
    const e = parsed.error;
    return { error: { code: e.code, position: e.position, detail: e.detail, english: e.english, ukrainian: e.ukrainian } };
  }
  const value = forms.evaluate(parsed.ast, {
    answers: c.answers, today: c.today, dateFields: c.dateFields, current: c.current, currentIsDate: c.currentIsDate,
  });
  return { value: encode(value), text: forms.toText(value), boolean: forms.toBoolean(value) };
});

const formResults = input.forms.map((f) => f.answerSets.map((answers) => ({
  relevant: forms.relevantSet(f.form, answers, { today: f.today }),
  problems: forms.validate(f.form, answers, { today: f.today })
    .map((p) => ({ question: p.question, kind: p.kind, english: p.english, ukrainian: p.ukrainian })),
})));

fs.writeFileSync(process.argv[4], JSON.stringify({ expressions, forms: formResults }));
