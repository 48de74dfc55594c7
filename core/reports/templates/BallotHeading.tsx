/** The ballot's heading as every print of it reads: congress, election, 选票, seats and names. */
export function BallotHeading(props: {
  congressName: string;
  electionTitle: string;
  seats: number;
  /** A 预选: the number of formal candidates it produces, printed instead of the seats. */
  formalCandidates?: number | undefined;
  candidates: readonly string[];
  strokeOrder: boolean;
}) {
  return (
    <>
      <h1 className="congress">{props.congressName}</h1>
      <h2 className="election">{props.electionTitle}</h2>
      <h3 className="heading">选票</h3>
      <p className="seats">
        {props.formalCandidates === undefined ? (
          <>
            应选 <strong>{props.seats}</strong> 名
          </>
        ) : (
          <>
            预选产生正式候选人 <strong>{props.formalCandidates}</strong> 名
          </>
        )}
        <span className="count">
          候选人 <strong>{props.candidates.length}</strong> 名
        </span>
        {props.strokeOrder && '（按姓氏笔画为序）'}
      </p>
    </>
  );
}
