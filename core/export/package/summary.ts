import type { PackageSummary } from '../../../shared/api/export';
import { manifestFile, type Manifest } from '../../../shared/export/manifest';
import type { ResultsDocument } from '../../../shared/export/results';
import { sealText } from './seal';
import { digestHex, shortForm } from './signature';

/** What a verified package says, for the verify screen and the command line's JSON. */
export function summaryOf(
  manifest: Manifest,
  results: ResultsDocument,
  files: Map<string, Uint8Array>,
): PackageSummary {
  const manifestBytes = files.get(manifestFile) ?? new Uint8Array();
  const digest = digestHex(manifest.digestAlgorithm, manifestBytes);
  const { congress } = results;
  return {
    format: manifest.format,
    version: manifest.version,
    createdAt: manifest.createdAt,
    generator: `${manifest.generator.name} ${manifest.generator.version}`,
    congress: {
      name: congress.name,
      term: congress.term,
      organiser: congress.organiser,
      heldOn: congress.heldOn,
      profile: congress.profile,
    },
    signer: {
      algorithm: manifest.signer.algorithm,
      publicKey: manifest.signer.publicKey,
      fingerprint: manifest.signer.fingerprint,
    },
    digest: { algorithm: manifest.digestAlgorithm, hex: digest, short: shortForm(digest) },
    sealText: sealText(manifest.digestAlgorithm, digest, manifest.signer.fingerprint),
    audit: manifest.audit,
    elections: results.elections.map((e) => ({
      title: e.title,
      office: e.office,
      seats: e.seats,
      elected: e.rounds
        .filter((r) => r.parameters.round !== 'preliminary')
        .flatMap((r) => r.result.elected),
      electorate: e.rounds[0]?.parameters.electorate ?? null,
      rounds: e.rounds.map((r) => ({
        roundId: r.id,
        label: r.label,
        kind: r.parameters.round,
        status: r.result.status,
        certifiedAt: r.certifiedAt,
        certifiedBy: r.certifiedBy,
        ballots: r.result.ballots,
        threshold: r.result.threshold?.minVotes ?? null,
        elected: r.result.elected,
        names: r.result.results.map((n) => ({
          name: n.name,
          writeIn: n.writeIn,
          for: n.for,
          against: n.writeIn ? null : n.against,
          abstain: n.writeIn ? null : n.abstain,
          outcome: n.outcome,
        })),
      })),
    })),
    notExported: results.notExported.map(({ election, label, reason }) => ({
      election,
      label,
      reason,
    })),
    files: manifest.files.map(({ path, size, title }) => ({ path, size, title: title ?? null })),
    missingReports: manifest.missingReports,
  };
}
