namespace Backfill.Infra.Tests.Support;

/// <summary>
/// Just enough of the ARM expression language to read the object literals Bicep inlines as
/// <c>createObject('key', value, …)</c> when a value is only known at deployment time.
/// </summary>
public static class ArmExpression
{
    /// <summary>The key/value pairs of the first <c>createObject(…)</c> in <paramref name="expression"/>, values as raw expressions.</summary>
    public static IReadOnlyDictionary<string, string> CreateObject(string expression)
    {
        const string call = "createObject(";
        var start = expression.IndexOf(call, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException($"No createObject(…) in {expression}");
        }

        var arguments = Arguments(expression, start + call.Length);
        if (arguments.Count % 2 != 0)
        {
            throw new FormatException($"createObject(…) has an odd number of arguments in {expression}");
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            pairs.Add(Unquote(arguments[i]), arguments[i + 1]);
        }

        return pairs;
    }

    /// <summary>The text of a single-quoted ARM string literal.</summary>
    public static string Unquote(string literal) =>
        literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\''
            ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal)
            : throw new FormatException($"{literal} is not a string literal");

    // The top-level, comma-separated arguments from just after an opening parenthesis to its match.
    private static List<string> Arguments(string expression, int from)
    {
        var arguments = new List<string>();
        var depth = 0;
        var quoted = false;
        var argumentStart = from;
        for (var i = from; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quoted)
            {
                // '' inside a literal is an escaped quote: the next quote reopens the literal.
                quoted = c != '\'';
                continue;
            }

            switch (c)
            {
                case '\'':
                    quoted = true;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(expression[argumentStart..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(expression[argumentStart..i].Trim());
                    argumentStart = i + 1;
                    break;
                default:
                    break;
            }
        }

        throw new FormatException($"Unbalanced parentheses in {expression}");
    }
}
