namespace Backfill.Core.Validation;

/// <summary>The outcome of one validation check, declared from best to worst so the worst is the largest.</summary>
public enum ValidationStatus
{
    /// <summary>The check holds.</summary>
    Pass,

    /// <summary>The check is outside its warning threshold: reported, but the partition may be published.</summary>
    Warn,

    /// <summary>The check is outside its failure threshold: the partition must not be published.</summary>
    Fail,
}
