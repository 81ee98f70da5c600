namespace NewsCorpus.Web;

/// <summary>
/// Names the interface's texts for the localizers (<c>IStringLocalizer&lt;UiText&gt;</c>,
/// <c>IHtmlLocalizer&lt;UiText&gt;</c>). The keys are the French texts themselves, so French needs no resource file
/// and any text without a translation shows in French; English is Resources/UiText.en.resx.
/// </summary>
public sealed class UiText;
