import { Table, Tag } from 'antd';
import type { NameResultRecord, RoundResults } from '../../../shared/api/results';
import { outcomeLabel } from '../../../shared/strings/results';

const outcomeColours: Record<NameResultRecord['outcome'], string> = {
  elected: 'red',
  qualified: 'red',
  runoff: 'gold',
  'not-elected': 'default',
};

/** Every name on the result, with the engine's one-line reason for its outcome. */
export function NamesTable({ results }: { results: RoundResults }) {
  return (
    <Table<NameResultRecord>
      size="middle"
      rowKey="name"
      pagination={false}
      dataSource={results.names}
      rowClassName={(r) => (r.outcome === 'elected' ? 'results-row-elected' : '')}
      columns={[
        { title: '序号', key: 'seq', width: 64, align: 'center', render: (_v, _r, i) => i + 1 },
        {
          title: '被选举人',
          dataIndex: 'name',
          width: 150,
          render: (name: string, r) => (
            <span className="results-name">
              {name}
              {r.writeIn && <Tag className="results-writein">另选</Tag>}
            </span>
          ),
        },
        { title: '赞成', dataIndex: 'for', width: 80, align: 'right', className: 'results-num' },
        {
          title: '不赞成',
          dataIndex: 'against',
          width: 80,
          align: 'right',
          className: 'results-num',
          render: (n: number | null) => n ?? '—',
        },
        {
          title: '弃权',
          dataIndex: 'abstain',
          width: 80,
          align: 'right',
          className: 'results-num',
          render: (n: number | null) => n ?? '—',
        },
        {
          title: '结果',
          dataIndex: 'outcome',
          width: 100,
          align: 'center',
          render: (o: NameResultRecord['outcome']) => (
            <Tag color={outcomeColours[o]}>{outcomeLabel(o, results.round.kind)}</Tag>
          ),
        },
        {
          title: '判定依据',
          dataIndex: 'explanation',
          render: (text: string) => <span className="results-why">{text}</span>,
        },
      ]}
    />
  );
}
