namespace Backfill.Core.Validation;

/// <summary>
/// The thresholds of one dataset's validation checks. Every default is the safe one from the validation
/// design; a dataset overrides only what it must. A warning threshold above its failure threshold is allowed
/// and simply never fires, because failure is judged first.
/// </summary>
public sealed record ValidationThresholds
{
    /// <summary>The default of <see cref="BaselinePartitions"/>.</summary>
    public const int DefaultBaselinePartitions = 7;

    /// <summary>The default of <see cref="RowCountWarnDeviation"/>: ±25%.</summary>
    public const double DefaultRowCountWarnDeviation = 0.25;

    /// <summary>The default of <see cref="RowCountFailDeviation"/>: ±50%.</summary>
    public const double DefaultRowCountFailDeviation = 0.50;

    /// <summary>The default of <see cref="NullRateFailIncrease"/>: 5 percentage points.</summary>
    public const double DefaultNullRateFailIncrease = 0.05;

    /// <summary>The default of <see cref="PsiWarn"/>.</summary>
    public const double DefaultPsiWarn = 0.10;

    /// <summary>The default of <see cref="PsiFail"/>.</summary>
    public const double DefaultPsiFail = 0.25;

    /// <summary>The default of <see cref="MinDriftValues"/>.</summary>
    public const long DefaultMinDriftValues = 100;

    /// <summary>The default of <see cref="SignificanceLevel"/>: one false alarm per check in 1,000 clean partitions.</summary>
    public const double DefaultSignificanceLevel = 0.001;

    /// <summary>
    /// Gets the fewest rows a partition may have; default 1, because an empty partition is far more often a
    /// broken build than a quiet day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MinRows
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinRows), value, "MinRows cannot be negative.");
    } = 1;

    /// <summary>Gets the most rows a partition may have; default unbounded (<see cref="long.MaxValue"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MaxRows
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxRows), value, "MaxRows cannot be negative.");
    } = long.MaxValue;

    /// <summary>
    /// Gets how many trailing committed partitions of the dataset form the baseline of the row count and
    /// null rate checks; default 7. Callers load that many profiles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BaselinePartitions
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(BaselinePartitions), value, "BaselinePartitions must be at least 1.");
    } = DefaultBaselinePartitions;

    /// <summary>
    /// Gets the relative distance from the baseline median row count beyond which the row count warns, as a
    /// fraction (0.25 = ±25%).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double RowCountWarnDeviation
    {
        get;
        init => field = NonNegative(value, nameof(RowCountWarnDeviation));
    } = DefaultRowCountWarnDeviation;

    /// <summary>
    /// Gets the relative distance from the baseline median row count beyond which the row count fails, as a
    /// fraction (0.5 = ±50%).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double RowCountFailDeviation
    {
        get;
        init => field = NonNegative(value, nameof(RowCountFailDeviation));
    } = DefaultRowCountFailDeviation;

    /// <summary>
    /// Gets how far a column's null rate may rise above its baseline rate before it fails, as a fraction of
    /// rows (0.05 = 5 percentage points).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double NullRateFailIncrease
    {
        get;
        init => field = NonNegative(value, nameof(NullRateFailIncrease));
    } = DefaultNullRateFailIncrease;

    /// <summary>Gets the PSI at or above which a numeric feature warns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double PsiWarn
    {
        get;
        init => field = NonNegative(value, nameof(PsiWarn));
    } = DefaultPsiWarn;

    /// <summary>Gets the PSI at or above which a numeric feature fails, unless it is expected to drift.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double PsiFail
    {
        get;
        init => field = NonNegative(value, nameof(PsiFail));
    } = DefaultPsiFail;

    /// <summary>
    /// Gets the fewest values either side of a drift comparison needs before its PSI can fail: over ten bins,
    /// sampling noise alone gives a PSI of about 9/n, so a smaller partition's drift is reported (warn at most).
    /// Default 100.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MinDriftValues
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinDriftValues), value, "MinDriftValues cannot be negative.");
    } = DefaultMinDriftValues;

    /// <summary>
    /// Gets the false-alarm rate per check per partition of the sample-size tests: drift fails only when the PSI
    /// crosses <see cref="PsiFail"/> and a chi-square test of the two histograms rejects "same distribution" at
    /// this level, and the row count trend fails only when it crosses <see cref="RowCountFailDeviation"/> and lies
    /// beyond counting noise at this level. Default 0.001.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double SignificanceLevel
    {
        get;
        init => field = double.IsFinite(value) && value > 0 && value <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), value, "SignificanceLevel must be above 0 and at most 1.");
    } = DefaultSignificanceLevel;

    /// <summary>
    /// Gets the features whose definition intentionally changed (e.g. in a new feature version): their drift
    /// is reported with status warn at most, never fail. Default none.
    /// </summary>
    public IReadOnlySet<string> ExpectedToDrift
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(ExpectedToDrift));
    } = new HashSet<string>(StringComparer.Ordinal);

    private static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, at least 0.");
}
