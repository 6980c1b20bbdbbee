using Markdig;
using Microsoft.AspNetCore.Components;

namespace Varta.Training.Pages;

/// <summary>Lesson Markdown as HTML: CommonMark with tables and lists; raw HTML in the text is shown as text, never run.</summary>
internal static class LessonMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static MarkupString Render(string markdown) => new(Markdown.ToHtml(markdown ?? "", Pipeline));
}
