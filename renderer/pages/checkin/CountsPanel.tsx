import { Table } from 'antd';
import type { AttendanceBoard, UnitCounts } from '../../../shared/api/checkin';
import { ValidityLine } from '../../components/ValidityLine';

/** 应到, 实到, 请假, 缺席, 未到: the desk's running count, and whether the meeting may elect. */
export function CountsPanel({ board }: { board: AttendanceBoard }) {
  const { counts } = board;
  return (
    <section className="counts-panel" aria-label="报到统计">
      <div className="count-tiles">
        <CountTile label="应到" value={counts.entitled} tone="entitled" />
        <CountTile label="实到" value={counts.present} tone="present" />
        <CountTile label="请假" value={counts.leave} tone="leave" />
        <CountTile label="缺席" value={counts.absent} tone="absent" />
        <CountTile label="未到" value={counts.notYet} tone="not-yet" />
      </div>
      <ValidityLine validity={board.validity} />
      <p className="counts-roster">
        名册 {counts.roster} 人{counts.withoutVote > 0 && `，其中无选举权 ${counts.withoutVote} 人`}
        {counts.excused > 0 && `，经批准不计入应到 ${counts.excused} 人`}
      </p>
      <Table<UnitCounts>
        className="counts-units"
        size="small"
        rowKey="unit"
        pagination={false}
        scroll={{ y: 240 }}
        dataSource={board.units}
        columns={[
          {
            title: '选举单位',
            dataIndex: 'unit',
            render: (unit: string) => unit || '未填选举单位',
            ellipsis: true,
          },
          { title: '应到', dataIndex: 'entitled', width: 56, align: 'right' },
          { title: '实到', dataIndex: 'present', width: 56, align: 'right' },
          { title: '请假', dataIndex: 'leave', width: 56, align: 'right' },
          { title: '缺席', dataIndex: 'absent', width: 56, align: 'right' },
          { title: '未到', dataIndex: 'notYet', width: 56, align: 'right' },
        ]}
      />
    </section>
  );
}

function CountTile({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className={`count-tile ${tone}`} data-testid={`count-${label}`}>
      <div className="count-tile-label">{label}</div>
      <div className="count-tile-value">{value}</div>
    </div>
  );
}
