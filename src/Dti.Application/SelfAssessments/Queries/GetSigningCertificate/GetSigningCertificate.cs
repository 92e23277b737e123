using MediatR;

namespace Dti.Application.SelfAssessments.Queries.GetSigningCertificate;

/// <summary>The province's signing certificate (PEM), which verifies every snapshot's signature.</summary>
public sealed record GetSigningCertificateQuery : IRequest<string>;

public sealed class GetSigningCertificateHandler(ISnapshotSigner signer) : IRequestHandler<GetSigningCertificateQuery, string>
{
    public Task<string> Handle(GetSigningCertificateQuery request, CancellationToken cancellationToken) => Task.FromResult(signer.CertificatePem());
}
