using System.Globalization;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenClaw.Desired.Posture;

/// <summary>
/// Reads YAML into JSON tokens that remember their line and column, with the YAML 1.2 core schema for
/// plain scalars. Refuses duplicate keys, several documents, and alias expansion past a fixed budget
/// (the "billion laughs" bomb).
/// </summary>
internal sealed class YamlToJson
{
    private const int NodeBudget = 100_000;

    /// <summary>Real postures nest a handful of levels; thousands would exhaust the stack of a recursive reader.</summary>
    public const int MaxDepth = 64;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, JToken> _anchors = new(StringComparer.Ordinal);
    private int _nodes;
    private int _line = 1;
    private int _column = 1;

    private YamlToJson(string file, List<Diagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    public static JToken? Convert(string file, string text, List<Diagnostic> diagnostics)
    {
        var converter = new YamlToJson(file, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(new Diagnostic(file, 1, 1, "the file holds no YAML document", null));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = converter.ReadNode(parser, "$", 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _) && parser.Current is { } next)
            {
                diagnostics.Add(new Diagnostic(file, (int)next.Start.Line, (int)next.Start.Column, "only one YAML document is allowed per posture file", null));
            }

            return root;
        }
        catch (DepthExceededException e)
        {
            diagnostics.Add(new Diagnostic(file, e.Line, e.Column, $"the document nests deeper than {MaxDepth} levels", null));
            return null;
        }
        catch (BudgetExceededException e)
        {
            diagnostics.Add(new Diagnostic(file, e.Line, e.Column, "the document expands to more than 100000 nodes (alias bomb?)", null));
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column, Describe(e), null));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The parser sometimes fails without saying where (an unclosed '{' before a block key): find the place ourselves.
            diagnostics.Add(Unclosed(file, text) ?? new Diagnostic(file, converter._line, converter._column, "YAML syntax error after this point (check brackets, quotes and indentation)", null));
            return null;
        }
    }

    private static Diagnostic? Unclosed(string file, string text) =>
        UnclosedFlow.Find(text) is var (line, column, opener, next)
            ? new Diagnostic(file, line, column, $"YAML syntax error: this '{opener}' is never closed with '{(opener == '{' ? '}' : ']')}' (the block goes on at line {next})", null)
            : null;

    private static string Describe(YamlException e)
    {
        // YamlDotNet messages quote a window of the source; keep only the explanation.
        var message = e.InnerException?.Message ?? e.Message;
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        message = paren >= 0 ? message[(paren + 3)..] : message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return "tab characters cannot indent YAML; use spaces";
        }

        return "YAML syntax error: " + message.Trim().TrimEnd('.');
    }

    private JToken ReadNode(IParser parser, string path, int depth)
    {
        var start = parser.Current!.Start;
        if (depth > MaxDepth)
        {
            throw new DepthExceededException((int)start.Line, (int)start.Column);
        }

        (_line, _column) = ((int)start.Line, (int)start.Column);
        if (++_nodes > NodeBudget)
        {
            throw new BudgetExceededException((int)start.Line, (int)start.Column);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"unknown alias *{alias.Value.Value}");
            }

            _nodes += CountNodes(target);
            if (_nodes > NodeBudget)
            {
                throw new BudgetExceededException((int)start.Line, (int)start.Column);
            }

            var copy = target.DeepClone();
            Annotate(copy, start);
            return copy;
        }

        JToken token;
        string anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            token = ScalarToken(scalar);
            anchor = scalar.Anchor.IsEmpty ? string.Empty : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JArray();
            var index = 0;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, $"{path}[{index++}]", depth + 1));
            }

            token = array;
            anchor = sequenceStart.Anchor.IsEmpty ? string.Empty : sequenceStart.Anchor.Value;
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var obj = new JObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current!.Start;
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    throw new YamlException(keyStart, keyStart, "mapping keys must be plain scalars");
                }

                var value = ReadNode(parser, $"{path}.{key.Value}", depth + 1);
                if (obj.ContainsKey(key.Value))
                {
                    _diagnostics.Add(new Diagnostic(_file, (int)keyStart.Line, (int)keyStart.Column, $"duplicate key '{key.Value}'", Trim($"{path}.{key.Value}")));
                    continue;
                }

                var property = new JProperty(key.Value, value);
                property.AddAnnotation(new YamlPosition((int)keyStart.Line, (int)keyStart.Column));
                obj.Add(property);
            }

            token = obj;
            anchor = mappingStart.Anchor.IsEmpty ? string.Empty : mappingStart.Anchor.Value;
        }
        else
        {
            throw new YamlException(start, start, "unexpected YAML event");
        }

        token.AddAnnotation(new YamlPosition((int)start.Line, (int)start.Column));
        if (anchor.Length > 0)
        {
            _anchors[anchor] = token;
        }

        return token;
    }

    private static string Trim(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static int CountNodes(JToken token) => 1 + token.Children().Sum(CountNodes);

    private static void Annotate(JToken token, Mark start)
    {
        foreach (var t in (token as JContainer)?.DescendantsAndSelf() ?? [token])
        {
            if (t.Annotation<YamlPosition>() is null)
            {
                t.AddAnnotation(new YamlPosition((int)start.Line, (int)start.Column));
            }
        }
    }

    /// <summary>YAML 1.2 core schema: plain null/bool/int/float; anything quoted is a string.</summary>
    private static JToken ScalarToken(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return new JValue(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JValue.CreateNull();
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') &&
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new JValue(real);
        }

        return new JValue(value);
    }

    private sealed class DepthExceededException(int line, int column) : Exception
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    private sealed class BudgetExceededException(int line, int column) : Exception
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }
}
