namespace GptTrainer.ChatbotCode;

/// <summary>The README.md of every export folder: fixed text, so that it never changes between two exports.</summary>
internal static class ExportReadme
{
    /// <summary>LF line ends whatever the checkout of this source file has, like every file of an export.</summary>
    public static string Text { get; } = Raw.Replace("\r\n", "\n");

    private const string Raw = @"# Chatbot export

This folder holds a GPT-trainer chatbot's configuration as code, written by `Export-GptTrainerChatbot`
(the GptTrainer PowerShell module). Keep it in git and review changes as diffs; restore it or promote it
to another chatbot with `Import-GptTrainerChatbot -Path <this folder>`; copy a chatbot with
`Copy-GptTrainerChatbot`; see where a chatbot drifted from it with `Compare-GptTrainerChatbot -Path <this folder>`.

| File | What it holds |
|---|---|
| `origin.json` | which chatbot this came from, and its state then: an import into that chatbot refuses to overwrite changes made since, unless `-Force` |
| `chatbot.json` | the chatbot's settings |
| `agents.json` | the agents: prompts, models and other settings, variables, tool functions, escalation settings, tags, and the data sources each uses |
| `source-tags.json` | the source tags: colour and member sources |
| `data-sources.json` | Q&A pairs and web pages in full; uploaded files by name, title, size and content hash; other sources by title |

Everything is named, never referred to by uuid, and what the service sets (uuids, times, statuses, token
counts) is left out; keys and lists are sorted, so exporting an unchanged chatbot changes no file. Agents
and tags name a data source as `qa: <question>`, `link: <url>` or `file: <path>`; a second item of the
same name is numbered in order of creation, as `qa#2: <question>` or, in the lists, by its place after
the first. Text of several lines is written as a list of its lines. A value of `null` is one the service
did not report: an import leaves it as it is, and a comparison does not check it.

## Secrets

The values of tool functions' headers (where a key or token for the called service goes) are written as
placeholders naming an environment variable, such as `${env:GPTTRAINER_SECRET_SUPPORT_LOOKUP_ORDER_AUTHORIZATION}`,
unless the export was made with `-IncludeSecret`. An import puts each variable's value in place of its
placeholder, and refuses before any change when one is not set. A placeholder may stand inside a value,
as in `Bearer ${env:CRM_TOKEN}`. Nothing else is treated as a secret: a key written into a function's URL
is exported as it is.

## What this export does not hold

The API cannot read or write these, so they are not here and an import does not restore them:

- the content of uploaded files: the API cannot download a file. An import uploads them again from a
  folder given with `-SourcePath`, by the name they are listed under here, and reports them as not
  copied without one;
- data sources of other kinds (Google Drive, tables, images, videos): listed under `other`, not imported;
- the reference links shown with citations;
- the web app's supervisor rules, conversation labels, lead form and webhooks;
- sessions, messages and usage;
- the chatbot's name, which is recorded in `origin.json`: an import never renames a chatbot.
";
}
