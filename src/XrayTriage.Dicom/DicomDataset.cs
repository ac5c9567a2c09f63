using System.Collections;
using XrayTriage.Dicom.Text;

namespace XrayTriage.Dicom;

/// <summary>A data set: data elements ordered by tag, possibly nested as a sequence item.</summary>
/// <remarks>PS3.5 §7. Text values are decoded with Specific Character Set (0008,0005), inherited by sequence items
/// (PS3.5 §6.1.2.5).</remarks>
public sealed partial class DicomDataset : IEnumerable<DicomItem>
{
    private readonly List<DicomItem> _items = [];
    private DicomCharacterSet? _characterSet;

    /// <summary>Creates an empty data set.</summary>
    public DicomDataset()
    {
    }

    /// <summary>Creates a data set holding the given items.</summary>
    /// <param name="items">The items.</param>
    public DicomDataset(IEnumerable<DicomItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            AddOrUpdate(item);
        }
    }

    /// <summary>Number of top-level items.</summary>
    public int Count => _items.Count;

    /// <summary>The character set used when neither this data set nor an enclosing one has Specific Character Set,
    /// or it names an unknown set.</summary>
    public DicomCharacterSet? FallbackCharacterSet { get; set; }

    /// <summary>The character set that decodes this data set's text: its own (0008,0005), else the enclosing data set's,
    /// else the fallback.</summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is not null)
            {
                return _characterSet;
            }

            var fallback = FallbackCharacterSet ?? Parent?.Owner?.FallbackCharacterSet ?? DicomCharacterSet.Default;
            if (TryGetItem(DicomTags.SpecificCharacterSet, out var item) && item is DicomElement { IsEmpty: false } element)
            {
                var terms = DicomCharacterSet.SplitTerms(element.Buffer.GetMemory().Span);
                _characterSet = DicomCharacterSet.FromTerms(terms, fallback);
                return _characterSet;
            }

            return Parent?.Owner?.CharacterSet ?? fallback;
        }
    }

    /// <summary>The sequence this data set is an item of, if any.</summary>
    internal DicomSequence? Parent { get; set; }

    /// <summary>True when the tag is present.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>True when present.</returns>
    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>Gets an item by tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="item">The item when present.</param>
    /// <returns>True when present.</returns>
    public bool TryGetItem(DicomTag tag, out DicomItem item)
    {
        var index = IndexOf(tag);
        item = index >= 0 ? _items[index] : null!;
        return index >= 0;
    }

    /// <summary>Gets an item by tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The item.</returns>
    /// <exception cref="KeyNotFoundException">The tag is not present.</exception>
    public DicomItem GetItem(DicomTag tag)
        => TryGetItem(tag, out var item) ? item : throw new KeyNotFoundException($"{Describe(tag)} is not present in the data set.");

    /// <summary>Adds an item; the tag must not be present yet.</summary>
    /// <param name="item">The item.</param>
    /// <returns>This data set.</returns>
    /// <exception cref="ArgumentException">The tag is already present.</exception>
    public DicomDataset Add(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var index = IndexOf(item.Tag);
        if (index >= 0)
        {
            throw new ArgumentException($"{Describe(item.Tag)} is already present; use AddOrUpdate.", nameof(item));
        }

        Insert(~index, item);
        return this;
    }

    /// <summary>Adds an item or replaces the item with the same tag.</summary>
    /// <param name="item">The item.</param>
    /// <returns>This data set.</returns>
    public DicomDataset AddOrUpdate(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var index = IndexOf(item.Tag);
        if (index >= 0)
        {
            Detach(_items[index]);
            _items[index] = item;
            Attach(item);
        }
        else
        {
            Insert(~index, item);
        }

        return this;
    }

    /// <summary>Removes a tag if present.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>True when an item was removed.</returns>
    public bool Remove(DicomTag tag)
    {
        var index = IndexOf(tag);
        if (index < 0)
        {
            return false;
        }

        Detach(_items[index]);
        _items.RemoveAt(index);
        return true;
    }

    /// <summary>A shallow copy: the same items (buffers are immutable) in a new data set; sequences stay shared with this
    /// data set.</summary>
    /// <returns>The copy.</returns>
    public DicomDataset Clone()
    {
        var clone = new DicomDataset { FallbackCharacterSet = FallbackCharacterSet, _characterSet = _characterSet };
        clone._items.AddRange(_items);
        return clone;
    }

    /// <inheritdoc />
    public IEnumerator<DicomItem> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static string Describe(DicomTag tag)
    {
        var keyword = DicomDictionary.KeywordOf(tag);
        return keyword.Length > 0 ? $"{tag} {keyword}" : tag.ToString();
    }

    private void Insert(int index, DicomItem item)
    {
        _items.Insert(index, item);
        Attach(item);
    }

    private void Attach(DicomItem item)
    {
        if (item is DicomSequence sequence)
        {
            sequence.Owner = this;
        }

        if (item.Tag == DicomTags.SpecificCharacterSet)
        {
            _characterSet = null;
        }
    }

    private void Detach(DicomItem item)
    {
        if (item.Tag == DicomTags.SpecificCharacterSet)
        {
            _characterSet = null;
        }
    }

    private int IndexOf(DicomTag tag)
    {
        var count = _items.Count;
        if (count == 0 || _items[count - 1].Tag < tag)
        {
            return ~count;
        }

        int lo = 0, hi = count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var cmp = _items[mid].Tag.CompareTo(tag);
            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
