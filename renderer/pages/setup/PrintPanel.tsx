import { Alert, Button, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ElectionRecord, RoundRecord } from '../../../shared/api/elections';
import type { Printout } from '../../../shared/api/printouts';
import { ballotTitle, roundStateLabels } from '../../../shared/strings/setup';
import { useSetup } from '../../stores/setup';
import { PreviewDialog } from './PreviewDialog';

interface BallotRow {
  key: number;
  election: ElectionRecord;
  round: RoundRecord;
}

/** 打印: each round's ballot (blocked while its slate is out of bounds), the sign-in sheet, the cards. */
export function PrintPanel() {
  const congress = useSetup((s) => s.congress);
  const elections = useSetup((s) => s.elections);
  const delegates = useSetup((s) => s.delegates);
  const [printout, setPrintout] = useState<Printout | null>(null);
  const [someCards, setSomeCards] = useState<number[]>([]);
  if (!congress) return null;

  const rows: BallotRow[] = elections.flatMap((election) =>
    election.rounds
      .filter((round) => round.state === 'draft' || round.state === 'printed')
      .map((round) => ({ key: round.id, election, round })),
  );
  const noRoster = delegates.length === 0;

  return (
    <div className="setup-panel">
      <Card title="选票" className="setup-card">
        <Typography.Paragraph type="secondary">
          每项选举一种选票，候选人按姓氏笔画排列。选票上不印编号；保存 PDF
          后本轮标记为“已印制”，此后修改候选人须确认重新印制。
        </Typography.Paragraph>
        <Table<BallotRow>
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: '没有待印制的选票：请先在“选举事项与候选人”中设置' }}
          columns={[
            {
              title: '选举事项',
              key: 'title',
              render: (_v, r) => ballotTitle(r.election.title, r.round.kind),
            },
            { title: '应选', key: 'seats', width: 70, render: (_v, r) => `${r.round.seats} 名` },
            {
              title: '候选人',
              key: 'candidates',
              width: 80,
              render: (_v, r) => `${r.round.candidates.length} 名`,
            },
            {
              title: '状态',
              key: 'state',
              render: (_v, r) =>
                r.round.printBlocked ? (
                  <Typography.Text type="danger">{r.round.printBlocked}</Typography.Text>
                ) : (
                  <Tag color={r.round.state === 'printed' ? 'blue' : 'green'}>
                    {r.round.state === 'printed' ? roundStateLabels.printed : '可以印制'}
                  </Tag>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 120,
              render: (_v, r) => (
                <Button
                  disabled={r.round.printBlocked !== null}
                  onClick={() => setPrintout({ kind: 'ballot', roundId: r.round.id })}
                  aria-label={`预览并打印 ${r.election.title} 选票`}
                >
                  预览并打印
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={[24, 24]} style={{ marginTop: 24 }}>
        <Col xs={24} lg={12}>
          <Card title="代表签到表" className="setup-card">
            <Typography.Paragraph type="secondary">
              按选举单位分表，单位内按姓氏笔画排列；不计入应到的代表在签名栏注明“请假”。
            </Typography.Paragraph>
            <Button
              disabled={noRoster}
              onClick={() => setPrintout({ kind: 'sign-in', congressId: congress.id })}
            >
              预览并打印签到表
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="代表证" className="setup-card">
            <Typography.Paragraph type="secondary">
              每张 A4 纸 8 张，沿虚线裁开；条码为代表证号，报到时扫码签到。
            </Typography.Paragraph>
            <Space wrap>
              <Button
                disabled={noRoster}
                onClick={() => setPrintout({ kind: 'cards', congressId: congress.id })}
              >
                打印全部代表证
              </Button>
              <Select
                mode="multiple"
                aria-label="补印所选代表的代表证"
                placeholder="补印：选择代表"
                style={{ minWidth: 260 }}
                value={someCards}
                onChange={setSomeCards}
                optionFilterProp="label"
                options={delegates.map((d) => ({ value: d.id, label: `${d.name}（${d.cardNo}）` }))}
              />
              <Button
                disabled={someCards.length === 0}
                onClick={() =>
                  setPrintout({ kind: 'cards', congressId: congress.id, delegateIds: someCards })
                }
              >
                补印所选
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
      {noRoster && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title="导入代表名册后才能打印签到表和代表证"
        />
      )}
      <PreviewDialog
        printout={printout}
        onClose={() => setPrintout(null)}
        onPrinted={() => void useSetup.getState().refreshAll()}
      />
    </div>
  );
}
