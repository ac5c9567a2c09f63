namespace XrayTriage.Dicom.Network.UpperLayer.StateMachine;

/// <summary>What an action does to the ARTIM timer.</summary>
/// <remarks>PS3.8 §9.1.5 and Tables 9-6 to 9-9.</remarks>
public enum ArtimEffect
{
    /// <summary>The action leaves the timer alone.</summary>
    None,

    /// <summary>The action starts (or restarts) the timer.</summary>
    Start,

    /// <summary>The action stops the timer.</summary>
    Stop,
}
