import { Alert, App, Button, Card, Input, Modal, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Comparison, Difference, EntryRound } from '../../../shared/api/entry';
import type { BallotEntry, StoredBallot } from '../../../shared/domain/paper-ballot';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { BallotEditor } from './BallotEditor';
import { MarkGlyph, markOf } from './BallotSheet';
import { ScannedPaper } from './scan/ScannedPaper';
import './reconcile-screen.css';

/**
 * 核对: the places where the two tellers' entries of a box differ, side by side. The 监票人 takes
 * the paper ballot from the stack and decides each: the first entry, the second, or what the paper
 * really shows. The box counts once every difference is settled.
 */
export function ReconcileScreen({
  boxId,
  onExit,
}: {
  boxId: number;
  onExit: (done?: string) => void;
}) {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    const result = await api['entry.differences']({ boxId });
    if (result.ok) setComparison(result.value);
    else setProblem(result.error.message);
  }, [boxId]);
  useEffect(() => void load(), [load]);

  if (problem)
    return (
      <Alert
        type="error"
        showIcon
        title={problem}
        action={<Button onClick={() => onExit()}>返回票箱列表</Button>}
      />
    );
  if (!comparison) return <Spin description="正在比对两遍录入…" />;
  const { box, round, differences } = comparison;
  const open = differences.filter((d) => d.resolution === null).length;
  return (
    <section className="reconcile" aria-labelledby="reconcile-title">
      <header className="reconcile-head">
        <div>
          <h2 id="reconcile-title">核对票箱“{box.label}”的两遍录入</h2>
          <div className="reconcile-sub">
            {round.title} · 清点 {box.expected} 张 · 第一遍 {comparison.firstTeller} · 第二遍{' '}
            {comparison.secondTeller}
          </div>
        </div>
        <Button
          onClick={() => onExit(open === 0 ? `票箱“${box.label}”已核对完毕，计入计票` : undefined)}
        >
          返回票箱列表
        </Button>
      </header>
      {open === 0 ? (
        <Alert
          type="success"
          className="entry-success"
          showIcon
          title={`已核对完毕：${differences.length} 处不一致均已按原票认定，本票箱计入计票`}
          role="status"
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`两遍录入共有 ${differences.length} 处不一致，尚有 ${open} 处待核对`}
          description="请从票箱中按序号找出原票，逐张对照后认定；认定后不能更改，并记入审计日志。"
        />
      )}
      <div className="reconcile-list">
        {differences.map((d) => (
          <DifferenceCard
            key={d.seq}
            boxId={boxId}
            round={round}
            difference={d}
            firstTeller={comparison.firstTeller}
            secondTeller={comparison.secondTeller}
            onResolved={setComparison}
          />
        ))}
      </div>
    </section>
  );
}

interface CardProps {
  boxId: number;
  round: EntryRound;
  difference: Difference;
  firstTeller: string;
  secondTeller: string;
  onResolved: (next: Comparison) => void;
}

function DifferenceCard({
  boxId,
  round,
  difference,
  firstTeller,
  secondTeller,
  onResolved,
}: CardProps) {
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { resolution } = difference;
  const differing = differingOf(difference.first, difference.second);

  const resolve = (choice: 'first' | 'second' | 'other', ballot?: BallotEntry, text = note) =>
    run(async () => {
      const result = await api['entry.resolve']({
        boxId,
        seq: difference.seq,
        choice,
        note: text,
        ...(ballot ? { ballot } : {}),
      });
      if (!result.ok) return setProblem(result.error.message);
      setEditing(false);
      onResolved(result.value);
    });

  return (
    <Card
      className={`difference-card${resolution ? ' settled' : ''}`}
      title={
        <Space>
          <span>第 {difference.seq} 张</span>
          {resolution ? <Tag color="green">已认定</Tag> : <Tag color="orange">待核对</Tag>}
        </Space>
      }
      data-testid={`difference-${difference.seq}`}
    >
      <table className="difference-table">
        <thead>
          <tr>
            <th />
            {round.candidates.map((name, i) => (
              <th key={name} className={differing.places.has(i) ? 'differs' : undefined}>
                <span className="difference-place">{i + 1}</span>
                {name}
              </th>
            ))}
            <th>另选他人</th>
            <th>认定</th>
          </tr>
        </thead>
        <tbody>
          <PassRow
            label={`第一遍（${firstTeller}）`}
            ballot={difference.first}
            differing={differing}
          />
          <PassRow
            label={`第二遍（${secondTeller}）`}
            ballot={difference.second}
            differing={differing}
          />
          {resolution && (
            <PassRow label="核定" ballot={resolution.decided} differing={differing} decided />
          )}
        </tbody>
      </table>
      <ScannedPaper difference={difference} />
      {resolution ? (
        <div className="difference-resolution">
          {resolution.resolvedBy} 认定：{choiceWords[resolution.choice]}
          {resolution.note && `；说明：${resolution.note}`}
        </div>
      ) : (
        <div className="difference-actions">
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            placeholder="说明（按原票另录时必填）"
            aria-label={`第 ${difference.seq} 张的核对说明`}
            style={{ maxWidth: 360 }}
          />
          <Button loading={busy} onClick={() => resolve('first')}>
            以第一遍为准
          </Button>
          <Button loading={busy} onClick={() => resolve('second')}>
            以第二遍为准
          </Button>
          <Button type="primary" onClick={() => setEditing(true)}>
            按原票另录…
          </Button>
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      <OtherDialog
        open={editing}
        round={round}
        seq={difference.seq}
        busy={busy}
        note={note}
        onCancel={() => setEditing(false)}
        onSave={(ballot, text) => resolve('other', ballot, text)}
      />
    </Card>
  );
}

const choiceWords = {
  first: '以第一遍录入为准',
  second: '以第二遍录入为准',
  other: '按原票另行录入',
};

function PassRow({
  label,
  ballot,
  differing,
  decided,
}: {
  label: string;
  ballot: StoredBallot;
  differing: Differing;
  decided?: boolean;
}) {
  const declared = ballot.invalidReason !== null && /^-*$/.test(ballot.marks);
  return (
    <tr className={decided ? 'decided' : undefined}>
      <th scope="row">{label}</th>
      {[...ballot.marks].map((mark, i) => (
        <td key={i} className={differing.places.has(i) ? 'differs' : undefined}>
          {declared ? '' : <MarkGlyph mark={markOf(mark)} size={20} />}
        </td>
      ))}
      <td className={`difference-writeins${differing.writeIns ? ' differs' : ''}`}>
        {writeInWords(ballot) || '—'}
      </td>
      <td
        className={`${ballot.invalidReason ? 'difference-invalid' : 'difference-valid'}${differing.verdict ? ' differs' : ''}`}
      >
        {ballot.invalidReason ? `废票：${ballot.invalidReason}` : '有效'}
      </td>
    </tr>
  );
}

/** Where two entries of one paper part: the candidates' marks, the written names, the verdict. */
interface Differing {
  places: ReadonlySet<number>;
  writeIns: boolean;
  verdict: boolean;
}

function differingOf(a: StoredBallot, b: StoredBallot): Differing {
  const places = new Set<number>();
  for (let i = 0; i < a.marks.length; i += 1) if (a.marks[i] !== b.marks[i]) places.add(i);
  return {
    places,
    writeIns: writeInWords(a) !== writeInWords(b),
    verdict: a.invalidReason !== b.invalidReason,
  };
}

function writeInWords(ballot: StoredBallot): string {
  return ballot.writeIns.map((w) => `${w.name}${w.mark === 'O' ? '○' : '（未画）'}`).join('、');
}

function OtherDialog(props: {
  open: boolean;
  round: EntryRound;
  seq: number;
  busy: boolean;
  note: string;
  onCancel: () => void;
  onSave: (ballot: BallotEntry, note: string) => void;
}) {
  const [entry, setEntry] = useState<BallotEntry | null>(null);
  const [note, setNote] = useState(props.note);
  useEffect(() => setNote(props.note), [props.note, props.open]);
  const changed = useCallback((next: BallotEntry) => setEntry(next), []);
  const { message } = App.useApp();
  const save = () => {
    if (!entry) return;
    if (note.trim() === '') return void message.warning('请写明说明，如：对照原票，第 3 名为×');
    props.onSave(entry, note.trim());
  };
  return (
    <Modal
      open={props.open}
      width={960}
      title={`按原票录入第 ${props.seq} 张`}
      okText="按此认定"
      cancelText="取消"
      onOk={save}
      onCancel={props.onCancel}
      confirmLoading={props.busy}
      destroyOnHidden
    >
      <p className="reconcile-editor-help">
        用录入时的按键逐名录入原票（<kbd>1</kbd>○ <kbd>2</kbd>× <kbd>3</kbd>弃权 <kbd>4</kbd>不清{' '}
        <kbd>A</kbd>其余○ <kbd>W</kbd>另选 <kbd>F</kbd>废票 <kbd>Backspace</kbd>
        退一步），再写明说明。
      </p>
      <BallotEditor round={props.round} onChange={changed} />
      <Input
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={200}
        placeholder="说明（必填），如：对照原票，第 3 名为×"
        aria-label="核对说明"
        style={{ marginTop: 12 }}
      />
    </Modal>
  );
}
