namespace XrayTriage.Dicom;

/// <summary>A sequence of items (VR SQ); each item is a nested data set.</summary>
/// <remarks>PS3.5 §7.5.</remarks>
public sealed class DicomSequence : DicomItem
{
    private readonly List<DicomDataset> _items = [];

    /// <summary>Creates a sequence.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="items">The items.</param>
    public DicomSequence(DicomTag tag, params IEnumerable<DicomDataset> items)
        : base(tag, DicomVR.SQ)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>The items.</summary>
    public IReadOnlyList<DicomDataset> Items => _items;

    /// <summary>The data set that holds this sequence, if any (for character set inheritance).</summary>
    internal DicomDataset? Owner { get; set; }

    /// <summary>Appends an item.</summary>
    /// <param name="item">The item.</param>
    public void Add(DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Parent = this;
        _items.Add(item);
    }
}
