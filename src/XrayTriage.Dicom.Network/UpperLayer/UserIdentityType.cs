namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The form of user identity offered in an A-ASSOCIATE-RQ.</summary>
/// <remarks>PS3.7 Annex D.3.3.7, Table D.3-14.</remarks>
public enum UserIdentityType : byte
{
    /// <summary>Username as a UTF-8 string.</summary>
    Username = 1,

    /// <summary>Username as a UTF-8 string and passcode.</summary>
    UsernameAndPasscode = 2,

    /// <summary>Kerberos service ticket.</summary>
    Kerberos = 3,

    /// <summary>SAML assertion.</summary>
    Saml = 4,

    /// <summary>JSON Web Token.</summary>
    Jwt = 5,
}
