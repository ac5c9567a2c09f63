namespace XrayTriage.Dicom.Network.UpperLayer.Negotiation;

/// <summary>Decides how an SCP answers an A-ASSOCIATE-RQ. Pure: no I/O, no clock.</summary>
/// <remarks>
/// PS3.8 §9.3.3–§9.3.4 and PS3.7 Annex D.3.3. Checks in order: protocol version, application context,
/// called AE title (valid; equal to ours only when the policy requires it), calling AE title, association limit; then
/// each presentation context on its own.
/// </remarks>
public static class AssociationNegotiator
{
    /// <summary>Negotiates a request against a policy.</summary>
    /// <param name="request">The received A-ASSOCIATE-RQ.</param>
    /// <param name="policy">What this SCP accepts.</param>
    /// <param name="associationLimitReached">Whether the maximum number of concurrent associations is in use.</param>
    /// <param name="source">The requestor's address, checked against <see cref="AssociationPolicy.AllowedCallingPeers"/>.</param>
    /// <returns>The A-ASSOCIATE-AC or A-ASSOCIATE-RJ to send.</returns>
    public static AssociationDecision Negotiate(
        AAssociateRqPdu request, AssociationPolicy policy, bool associationLimitReached, System.Net.IPAddress? source = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        const AssociateRejectResult Permanent = AssociateRejectResult.Permanent;
        if ((request.ProtocolVersion & 1) == 0)
        {
            return Reject(
                AAssociateRjPdu.ByAcse(Permanent, AcseRejectReason.ProtocolVersionNotSupported),
                $"protocol version 0x{request.ProtocolVersion:X4} is not supported");
        }

        if (request.ApplicationContextName != AAssociateRqPdu.DicomApplicationContext)
        {
            return Reject(
                AAssociateRjPdu.ByServiceUser(Permanent, ServiceUserRejectReason.ApplicationContextNameNotSupported),
                $"application context '{request.ApplicationContextName}' is not supported");
        }

        if (!AeTitle.IsValid(request.CalledAeTitle))
        {
            return Reject(
                AAssociateRjPdu.ByServiceUser(Permanent, ServiceUserRejectReason.CalledAeTitleNotRecognized),
                $"called AE title '{request.CalledAeTitle}' is not a valid AE title");
        }

        if (policy.RequireCalledAeTitle && !AeTitle.AreEqual(request.CalledAeTitle, policy.CalledAeTitle))
        {
            return Reject(
                AAssociateRjPdu.ByServiceUser(Permanent, ServiceUserRejectReason.CalledAeTitleNotRecognized),
                $"called AE title '{request.CalledAeTitle}' is not this SCP's '{policy.CalledAeTitle}'");
        }

        if (!AeTitle.IsValid(request.CallingAeTitle)
            || (policy.AllowedCallingAeTitles is { } allowed && !allowed.Any(a => AeTitle.AreEqual(a, request.CallingAeTitle))))
        {
            return Reject(
                AAssociateRjPdu.ByServiceUser(Permanent, ServiceUserRejectReason.CallingAeTitleNotRecognized),
                $"calling AE title '{request.CallingAeTitle}' is not allowed");
        }

        if (policy.AllowedCallingPeers is { } peers && !peers.Any(p => p.Matches(request.CallingAeTitle, source)))
        {
            return Reject(
                AAssociateRjPdu.ByServiceUser(Permanent, ServiceUserRejectReason.CallingAeTitleNotRecognized),
                $"calling AE title '{request.CallingAeTitle}' is not allowed from {source?.ToString() ?? "an unknown address"}");
        }

        if (associationLimitReached)
        {
            return Reject(
                AAssociateRjPdu.ByPresentation(AssociateRejectResult.Transient, PresentationRejectReason.LocalLimitExceeded),
                "the maximum number of concurrent associations is reached");
        }

        return AssociationDecision.Accepted(new AAssociateAcPdu
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = NegotiateContexts(request.PresentationContexts, policy),
            UserInformation = new UserInformation
            {
                MaximumLength = policy.MaxReceivePduLength,
                ImplementationClassUid = policy.ImplementationClassUid,
                ImplementationVersionName = policy.ImplementationVersionName,
                RoleSelections = NegotiateRoles(request.UserInformation.RoleSelections, policy),
            },
        });
    }

    /// <summary>Answers each proposed presentation context.</summary>
    /// <param name="proposed">The proposed contexts.</param>
    /// <param name="policy">What this SCP accepts.</param>
    /// <returns>One answer per proposed context, in order.</returns>
    public static IReadOnlyList<PresentationContextAccept> NegotiateContexts(
        IReadOnlyList<PresentationContextRequest> proposed, AssociationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(policy);
        var seen = new HashSet<byte>();
        var answers = new List<PresentationContextAccept>(proposed.Count);
        foreach (var context in proposed)
        {
            if ((context.Id & 1) == 0 || !seen.Add(context.Id))
            {
                answers.Add(new PresentationContextAccept(context.Id, PresentationContextResult.NoReason, string.Empty));
            }
            else if (!policy.AcceptedAbstractSyntaxes.Contains(context.AbstractSyntax))
            {
                answers.Add(new PresentationContextAccept(context.Id, PresentationContextResult.AbstractSyntaxNotSupported, string.Empty));
            }
            else if (policy.TransferSyntaxPreference.FirstOrDefault(context.TransferSyntaxes.Contains) is { } chosen)
            {
                answers.Add(new PresentationContextAccept(context.Id, PresentationContextResult.Acceptance, chosen));
            }
            else
            {
                answers.Add(new PresentationContextAccept(
                    context.Id, PresentationContextResult.TransferSyntaxesNotSupported, string.Empty));
            }
        }

        return answers;
    }

    private static List<RoleSelection> NegotiateRoles(IReadOnlyList<RoleSelection> proposed, AssociationPolicy policy) =>
        proposed
            .Where(r => policy.AcceptedAbstractSyntaxes.Contains(r.SopClassUid))
            .Select(r => new RoleSelection(r.SopClassUid, r.ScuRole, ScpRole: false))
            .ToList();

    private static AssociationDecision Reject(AAssociateRjPdu reject, string reason) => AssociationDecision.Rejected(reject, reason);
}
