import { Alert, App, AutoComplete, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { DelegateMatch } from '../../../shared/api/delegates';
import type {
  CandidateInput,
  CandidateRecord,
  ElectionRecord,
  RoundRecord,
} from '../../../shared/api/elections';
import { isBeforeVoting } from '../../../shared/domain/rounds';
import { api } from '../../api';
import { useSetup } from '../../stores/setup';
import { withReprintConfirm } from './reprint';

/**
 * The candidates of one round. Names come from the roster (search by name or pinyin initials) or
 * are typed (a candidate need not be a delegate); the service puts them in ballot order. Nothing
 * links a candidate to a roster row: only the name and a note are kept.
 */
export function CandidatesEditor(props: {
  election: ElectionRecord;
  round: RoundRecord;
  editable: boolean;
}) {
  const { election, round } = props;
  const congressId = useSetup((s) => s.congress?.id ?? 0);
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const [matches, setMatches] = useState<DelegateMatch[]>([]);
  const [pasting, setPasting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const searched = useRef(0);
  const { modal, message } = App.useApp();
  const editable = props.editable && isBeforeVoting(round.state);
  const given = election.candidateOrder === 'given';

  const save = async (candidates: CandidateInput[]) => {
    const result = await withReprintConfirm(modal, (confirmReprint) =>
      api['elections.setCandidates']({ roundId: round.id, candidates, confirmReprint }),
    );
    if (!result) return false;
    if (!result.ok) {
      setProblem(result.error.message);
      return false;
    }
    setProblem(null);
    useSetup.getState().replaceElection(result.value);
    return true;
  };

  const current = (): CandidateInput[] =>
    round.candidates.map(({ name, note: n }) => ({ name, note: n }));

  const search = async (text: string) => {
    setQuery(text);
    const asked = ++searched.current;
    if (text.trim() === '') return setMatches([]);
    const result = await api['delegates.search']({ congressId, query: text, limit: 8 });
    if (asked === searched.current && result.ok) setMatches(result.value);
  };

  const add = async (name: string, withNote: string) => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    if (round.candidates.some((c) => c.name === trimmed.replace(/\s+/g, ''))) {
      setProblem(`“${trimmed}”已在候选人名单中`);
      return;
    }
    if (await save([...current(), { name: trimmed, note: withNote.trim() }])) {
      setQuery('');
      setNote('');
      setMatches([]);
      message.success(`已添加候选人 ${trimmed}`);
    }
  };

  const pick = (value: string) => {
    const match = matches.find((m) => String(m.id) === value);
    if (match) void add(match.name, match.unit);
  };

  const remove = (candidate: CandidateRecord) =>
    save(current().filter((c) => c.name !== candidate.name));

  const move = (from: number, to: number) => {
    const list = current();
    const [moved] = list.splice(from, 1);
    if (moved) list.splice(to, 0, moved);
    return save(list);
  };

  return (
    <div className="candidates">
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          closable={{ onClose: () => setProblem(null) }}
          style={{ marginBottom: 12 }}
        />
      )}
      {round.collationWarnings.map((warning) => (
        <Alert
          key={warning}
          type="warning"
          showIcon
          title="请人工核对排序"
          description={warning}
          style={{ marginBottom: 12 }}
        />
      ))}
      <Table<CandidateRecord>
        rowKey="name"
        size="small"
        dataSource={round.candidates}
        pagination={false}
        locale={{ emptyText: '尚未添加候选人' }}
        columns={[
          { title: '序', key: 'position', width: 48, render: (_v, c) => c.position + 1 },
          { title: '候选人', dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
          { title: '备注（单位等，不印在选票上）', dataIndex: 'note' },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: given ? 200 : 90,
                  render: (_v: unknown, c: CandidateRecord) => (
                    <Space size={4}>
                      {given && (
                        <>
                          <Button
                            size="small"
                            disabled={c.position === 0}
                            onClick={() => void move(c.position, c.position - 1)}
                            aria-label={`上移 ${c.name}`}
                          >
                            上移
                          </Button>
                          <Button
                            size="small"
                            disabled={c.position === round.candidates.length - 1}
                            onClick={() => void move(c.position, c.position + 1)}
                            aria-label={`下移 ${c.name}`}
                          >
                            下移
                          </Button>
                        </>
                      )}
                      <Button
                        size="small"
                        danger
                        onClick={() => void remove(c)}
                        aria-label={`移除 ${c.name}`}
                      >
                        移除
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <div className="candidate-add">
          <label htmlFor={`candidate-${round.id}`}>添加候选人</label>
          <Space.Compact style={{ flex: 1, maxWidth: 640 }}>
            <AutoComplete
              id={`candidate-${round.id}`}
              style={{ flex: 2 }}
              value={query}
              defaultActiveFirstOption
              options={matches.map((m) => ({
                value: String(m.id),
                label: (
                  <span>
                    <strong>{m.name}</strong>
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {m.unit} · {m.cardNo}
                    </Typography.Text>
                  </span>
                ),
              }))}
              onSearch={(text) => void search(text)}
              onSelect={pick}
              onInputKeyDown={(event) => {
                // Enter with no roster match chosen adds the name as typed (a non-delegate candidate).
                if (event.key === 'Enter' && matches.length === 0) void add(query, note);
              }}
              placeholder="输入姓名或拼音首字母（如 zs），从名册中选择；或直接输入姓名"
            />
            <Input
              style={{ flex: 1 }}
              aria-label="候选人备注"
              placeholder="备注（非名册人员可填单位）"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              onPressEnter={() => void add(query, note)}
            />
            <Button onClick={() => void add(query, note)}>添加</Button>
          </Space.Compact>
          <Button onClick={() => setPasting(true)}>批量添加</Button>
        </div>
      )}
      {!given && round.candidates.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          候选人按姓氏笔画自动排序，印在选票上的顺序即此顺序。
        </Typography.Paragraph>
      )}
      {given && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          书记、副书记候选人按上级党组织批准的顺序排列，用“上移”“下移”调整。
        </Typography.Paragraph>
      )}
      <PasteDialog
        open={pasting}
        onClose={() => setPasting(false)}
        onPaste={async (pasted) => {
          const known = new Set(round.candidates.map((c) => c.name));
          const fresh = pasted.filter((c) => !known.has(c.name));
          if (await save([...current(), ...fresh])) {
            setPasting(false);
            message.success(`已添加 ${fresh.length} 名候选人`);
          }
        }}
      />
    </div>
  );
}

/** Many names at once, one per line as they stand in the 候选人名单; a note may follow the name. */
function PasteDialog(props: {
  open: boolean;
  onClose: () => void;
  onPaste: (candidates: CandidateInput[]) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const candidates = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', ...rest] = line.split(/[\s,，、\t]+/);
      return { name, note: rest.join(' ') };
    });
  return (
    <Modal
      title="批量添加候选人"
      open={props.open}
      okText={`添加 ${candidates.length} 名`}
      cancelText="取消"
      okButtonProps={{ disabled: candidates.length === 0 }}
      onOk={() => void props.onPaste(candidates).then(() => setText(''))}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <p>每行一名候选人；姓名后可用空格或逗号隔开写备注（如单位）。顺序不限，保存后自动排序。</p>
      <Input.TextArea
        aria-label="候选人名单"
        autoFocus
        autoSize={{ minRows: 8, maxRows: 16 }}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </Modal>
  );
}
