using Newtonsoft.Json.Linq;
using OpenClaw.Desired.OpenClaw;

namespace OpenClaw.Desired.Secrets.Scanning;

internal static class JsonPaths
{
    /// <summary>The RFC 6901 pointer of a token inside its document.</summary>
    public static string PointerOf(JToken token)
    {
        var segments = new List<string>();
        var current = token;
        while (current.Parent is { } parent)
        {
            if (parent is JProperty property)
            {
                segments.Add(property.Name);
            }
            else if (parent is JArray array)
            {
                segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            current = parent;
        }

        segments.Reverse();
        return JsonPointer.Of([.. segments]);
    }
}
