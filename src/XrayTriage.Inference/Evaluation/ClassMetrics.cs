namespace XrayTriage.Inference.Evaluation;

/// <summary>One class scored one-vs-rest. A value is null where it is undefined (0/0): sensitivity and AUC without
/// positives, specificity and AUC without negatives, precision when the class is never predicted, F1 when the class
/// is neither present nor predicted.</summary>
/// <param name="Label">The class label.</param>
/// <param name="Sensitivity">TP / (TP + FN), the recall.</param>
/// <param name="Specificity">TN / (TN + FP).</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="F1">2 TP / (2 TP + FP + FN), the harmonic mean of precision and sensitivity.</param>
/// <param name="Auc">One-vs-rest ROC AUC of the class probability (Mann–Whitney U, ties counted half).</param>
public sealed record ClassMetrics(string Label, double? Sensitivity, double? Specificity, double? Precision, double? F1, double? Auc);
