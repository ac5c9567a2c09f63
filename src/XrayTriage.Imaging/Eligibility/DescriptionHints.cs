using System.Text.RegularExpressions;

namespace XrayTriage.Imaging.Eligibility;

/// <summary>
/// When Body Part Examined is absent, the Study/Series Description and Protocol Name often still say what was
/// imaged ("MODALITYLUT - TEETH", "KNEE LAT"). A description that names another region and no chest word
/// means the film is not a chest radiograph.
/// </summary>
internal static partial class DescriptionHints
{
    public static string? NonChestRegion(IEnumerable<string> descriptions)
    {
        var text = string.Join(' ', descriptions).ToUpperInvariant();
        if (text.Length == 0 || ChestWords().IsMatch(text))
        {
            return null;
        }

        var match = OtherRegions().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\b(CHEST|THORAX|THORAC\w*|LUNGS?|PULM\w*|THX|TORAX|TÓRAX|THORAKS|CXR|RIBS?)\b")]
    private static partial Regex ChestWords();

    [GeneratedRegex(
        @"\b(TEETH|DENTAL|PANORAMIC|OPG|SKULL|SINUS\w*|MANDIBLE|HAND|WRIST|FINGERS?|ELBOW|FOREARM|HUMERUS|SHOULDER|KNEE|ANKLE|"
        + @"FOOT|FEET|TOES?|TIBIA|FEMUR|HIP|PELVIS|ABDOMEN|ABDOMINAL|KUB|SPINE|LUMBAR|CERVICAL|SACRUM|EXTREMITY|BREAST|MAMMO\w*)\b")]
    private static partial Regex OtherRegions();
}
