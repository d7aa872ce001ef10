namespace Backfill.Core.Drift;

/// <summary>
/// The chi-square distribution's upper tail, P(X ≥ x) for X ~ χ²(df): the p-value of a chi-square statistic. It is
/// the regularized upper incomplete gamma function Q(df/2, x/2), computed by its series below a + 1 and by its
/// continued fraction above (the usual split: each converges fast on its side).
/// </summary>
public static class ChiSquare
{
    private const int MaxIterations = 500;
    private const double Tolerance = 1e-15;

    // Below this, a continued fraction denominator is treated as zero (Lentz's method).
    private const double Tiny = 1e-300;

    /// <summary>Returns P(X ≥ <paramref name="statistic"/>) for X ~ χ²(<paramref name="degreesOfFreedom"/>).</summary>
    /// <param name="statistic">The observed statistic; at most 0 gives 1.</param>
    /// <param name="degreesOfFreedom">At least 1.</param>
    /// <returns>The upper-tail probability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="statistic"/> is NaN.</exception>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(statistic))
        {
            throw new ArgumentException("The statistic is NaN.", nameof(statistic));
        }

        if (statistic <= 0)
        {
            return 1;
        }

        if (double.IsPositiveInfinity(statistic))
        {
            return 0;
        }

        var a = degreesOfFreedom / 2.0;
        var x = statistic / 2;
        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    // P(a, x) = e^(−x) x^a / Γ(a+1) · Σ xⁿ / ((a+1)…(a+n)).
    private static double LowerSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations && Math.Abs(term) > Math.Abs(sum) * Tolerance; n++)
        {
            term *= x / (a + n);
            sum += term;
        }

        return Math.Min(1, sum * Math.Exp((a * Math.Log(x)) - x - LogGamma(a)));
    }

    // Q(a, x) by Lentz's evaluation of the continued fraction e^(−x) x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− …)).
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < Tolerance)
            {
                break;
            }
        }

        return Math.Max(0, Math.Exp((a * Math.Log(x)) - x - LogGamma(a)) * h);
    }

    // ln Γ(z) for z > 0 (Lanczos, g = 7, n = 9): about 15 significant digits.
    private static double LogGamma(double z)
    {
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        z -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (z + i);
        }

        var t = z + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((z + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
