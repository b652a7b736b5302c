using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// Well-known command-line tools and the GitHub accounts that publish their releases. A release of <c>kubectl</c>,
/// <c>terraform</c> or <c>ollama</c> downloaded from another account's repository of the same name is a build no vendor
/// made, installed under the name of a tool the user already trusts with their clusters, clouds or models. One row per
/// tool: the repository's name, then the accounts that publish it.
/// </summary>
public static partial class ToolReleases
{
    private static readonly Dictionary<string, string[]> Publishers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kubectl"] = ["kubernetes"],
        ["kubernetes"] = ["kubernetes"],
        ["minikube"] = ["kubernetes"],
        ["kind"] = ["kubernetes-sigs"],
        ["helm"] = ["helm"],
        ["k9s"] = ["derailed"],
        ["kubectx"] = ["ahmetb"],
        ["k3s"] = ["k3s-io"],
        ["argo-cd"] = ["argoproj"],
        ["flux2"] = ["fluxcd"],
        ["terraform"] = ["hashicorp"],
        ["vault"] = ["hashicorp"],
        ["packer"] = ["hashicorp"],
        ["nomad"] = ["hashicorp"],
        ["consul"] = ["hashicorp"],
        ["opentofu"] = ["opentofu"],
        ["cli"] = ["cli", "docker", "urfave", "spf13", "supabase", "vercel", "netlify", "stripe", "cloudflare", "heroku", "flyctl", "railwayapp", "openai", "anthropics"],
        ["gh"] = ["cli"],
        ["node"] = ["nodejs"],
        ["deno"] = ["denoland"],
        ["bun"] = ["oven-sh"],
        ["uv"] = ["astral-sh"],
        ["ruff"] = ["astral-sh"],
        ["ollama"] = ["ollama"],
        ["llama.cpp"] = ["ggml-org", "ggerganov"],
        ["whisper.cpp"] = ["ggml-org", "ggerganov"],
        ["openclaw"] = ["openclaw"],
        ["clawhub"] = ["openclaw"],
        ["yt-dlp"] = ["yt-dlp"],
        ["ffmpeg"] = ["FFmpeg", "BtbN", "eugeneware"],
        ["jq"] = ["jqlang", "stedolan"],
        ["yq"] = ["mikefarah"],
        ["rclone"] = ["rclone"],
        ["restic"] = ["restic"],
        ["age"] = ["FiloSottile"],
        ["sops"] = ["getsops", "mozilla"],
        ["cloudflared"] = ["cloudflare"],
        ["ngrok"] = ["ngrok"],
        ["tailscale"] = ["tailscale"],
        ["starship"] = ["starship"],
        ["fzf"] = ["junegunn"],
        ["ripgrep"] = ["BurntSushi"],
        ["bat"] = ["sharkdp"],
        ["fd"] = ["sharkdp"],
        ["lazygit"] = ["jesseduffield"],
        ["awscli"] = ["aws"],
        ["aws-cli"] = ["aws"],
        ["azure-cli"] = ["Azure"],
        ["gitleaks"] = ["gitleaks", "zricethezav"],
        ["trufflehog"] = ["trufflesecurity"],
        ["syft"] = ["anchore"],
        ["grype"] = ["anchore"],
        ["trivy"] = ["aquasecurity"],
        ["cosign"] = ["sigstore"],
    };

    /// <summary>
    /// A release download from a repository named as a well-known tool whose account is not that tool's publisher:
    /// <c>https://github.com/kube-tooling-dev/kubectl/releases/download/…</c>.
    /// </summary>
    public static AuditSeverity? Judge(string text, Match match)
    {
        var owner = match.Groups["owner"].Value;
        var repo = match.Groups["repo"].Value;
        return Publishers.TryGetValue(repo, out var publishers) && !publishers.Contains(owner, StringComparer.OrdinalIgnoreCase) && !AuditContext.QuotesAnExample(owner)
            && LineJudges.JudgeNotNegated(text, match) is not null
            ? AuditSeverity.High : null;
    }

    [GeneratedRegex(@"\bhttps?://github\.com/(?<owner>[A-Za-z0-9-]{1,39})/(?<repo>[\w.-]{1,100})/releases/(?:download|latest/download)/", RegexOptions.CultureInvariant)]
    public static partial Regex ReleaseDownload();
}
