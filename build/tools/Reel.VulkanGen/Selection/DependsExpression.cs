using System;
using System.Text;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Selection;

/// <summary>
/// The registry's depends expressions: names of versions and extensions joined by '+' (and)
/// and ',' (or), with parentheses; '+' binds tighter, as in the registry's own
/// parse_dependency.py. <see cref="Rewrite"/> turns an expression into another boolean
/// syntax (C# for the generated loaders), <see cref="Evaluate"/> computes it.
/// </summary>
internal static class DependsExpression
{
    /// <summary>Evaluates <paramref name="expression"/> with <paramref name="isTrue"/> deciding each name.</summary>
    public static bool Evaluate(string expression, Func<string, bool> isTrue) =>
        Compute(Rewrite(expression, name => isTrue(name) ? "1" : "0", "&", "|"));

    /// <summary>Writes <paramref name="expression"/> with each name mapped by <paramref name="term"/> and the given operators.</summary>
    public static string Rewrite(string expression, Func<string, string> term, string and = " && ", string or = " || ")
    {
        var parser = new Parser(expression, term, and, or);
        string result = parser.ParseOr();
        if (!parser.AtEnd)
            throw new RegistryException($"depends expression \"{expression}\" has trailing text at {parser.Position}");
        return result;
    }

    /// <summary>Computes a rewritten expression of 1, 0, &amp;, | and parentheses.</summary>
    private static bool Compute(string text)
    {
        int position = 0;
        return Or(text, ref position);

        static bool Or(string t, ref int p)
        {
            bool v = And(t, ref p);
            while (p < t.Length && t[p] == '|')
            {
                p++;
                v |= And(t, ref p);
            }
            return v;
        }

        static bool And(string t, ref int p)
        {
            bool v = Atom(t, ref p);
            while (p < t.Length && t[p] == '&')
            {
                p++;
                v &= Atom(t, ref p);
            }
            return v;
        }

        static bool Atom(string t, ref int p)
        {
            if (t[p] == '(')
            {
                p++;
                bool v = Or(t, ref p);
                p++; // ')'
                return v;
            }
            return t[p++] == '1';
        }
    }

    /// <summary>Recursive descent over the expression text.</summary>
    private sealed class Parser(string text, Func<string, string> term, string and, string or)
    {
        private int _position;

        public int Position => _position;

        public bool AtEnd => _position >= text.Length;

        /// <summary>Parses a ","-joined list of "+"-joined terms.</summary>
        public string ParseOr()
        {
            string left = ParseAnd();
            bool compound = false;
            var builder = new StringBuilder(left);
            while (!AtEnd && text[_position] == ',')
            {
                _position++;
                builder.Append(or).Append(ParseAnd());
                compound = true;
            }
            return compound ? $"({builder})" : builder.ToString();
        }

        private string ParseAnd()
        {
            var builder = new StringBuilder(ParseAtom());
            bool compound = false;
            while (!AtEnd && text[_position] == '+')
            {
                _position++;
                builder.Append(and).Append(ParseAtom());
                compound = true;
            }
            return compound ? $"({builder})" : builder.ToString();
        }

        private string ParseAtom()
        {
            if (AtEnd)
                throw new RegistryException($"depends expression \"{text}\" ends early");
            if (text[_position] == '(')
            {
                _position++;
                string inner = ParseOr();
                if (AtEnd || text[_position] != ')')
                    throw new RegistryException($"depends expression \"{text}\" lacks a ')'");
                _position++;
                return inner;
            }
            int start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_' || text[_position] == ':'))
                _position++;
            if (start == _position)
                throw new RegistryException($"depends expression \"{text}\" has an unexpected '{text[_position]}' at {start}");
            return term(text[start.._position]);
        }
    }
}
