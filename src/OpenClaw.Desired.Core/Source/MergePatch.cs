using Newtonsoft.Json.Linq;

namespace OpenClaw.Desired.Source;

/// <summary>
/// JSON Merge Patch (RFC 7386) over posture fragments: mappings merge key by key, lists and values are
/// replaced whole, and null removes a key. Tokens move from the patch with their YAML positions, so a
/// problem found later points into the file that set the value.
/// </summary>
internal static class MergePatch
{
    public static JObject Apply(JObject target, JObject patch)
    {
        foreach (var property in patch.Properties().ToList())
        {
            var existing = target.Property(property.Name);
            if (property.Value.Type == JTokenType.Null)
            {
                existing?.Remove();
                continue;
            }

            if (property.Value is JObject inner && existing?.Value is JObject current)
            {
                Apply(current, inner);
                continue;
            }

            property.Remove();
            if (existing is null)
            {
                target.Add(property);
            }
            else
            {
                existing.Replace(property);
            }
        }

        return target;
    }
}
