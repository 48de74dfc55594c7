import { Alert, Card, Col, Row, Table, Tag } from 'antd';
import type { StructureReportRecord, StructureTally } from '../../../shared/api/structure';

/** The structure report on screen: each threshold with its verdict, then one table per dimension. */
export function ReportCards({ report }: { report: StructureReportRecord }) {
  return (
    <>
      <Card
        title={`代表结构（按大会召开日 ${report.asOf} 计算，共 ${report.total} 名代表）`}
        className="setup-card"
        style={{ marginTop: 24 }}
      >
        {report.targets.length > 0 && (
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={report.targets}
            style={{ marginBottom: 16 }}
            columns={[
              { title: '指标', dataIndex: 'label' },
              { title: '人数', dataIndex: 'count', width: 80 },
              {
                title: '结论',
                key: 'met',
                width: 100,
                render: (_v, t) =>
                  t.met ? <Tag color="green">符合</Tag> : <Tag color="red">不符合</Tag>,
              },
              { title: '说明', dataIndex: 'sentence' },
            ]}
          />
        )}
        {report.unrecognisedEducation.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`以下学历无法归类，请在名册中改正：${report.unrecognisedEducation.join('、')}`}
          />
        )}
        <Row gutter={[24, 24]}>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="性别" tally={report.gender} total={report.total} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable
              title="民族"
              total={report.total}
              tally={[
                { label: '汉族', count: report.ethnicity.han },
                ...report.ethnicity.minorities,
                ...(report.ethnicity.unknown > 0
                  ? [{ label: '未填', count: report.ethnicity.unknown }]
                  : []),
              ]}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable
              title={`年龄${report.age.averageAge === null ? '' : `（平均 ${report.age.averageAge} 岁）`}`}
              total={report.total}
              tally={[
                ...report.age.bands,
                ...(report.age.unknown > 0 ? [{ label: '未填', count: report.age.unknown }] : []),
              ]}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="学历" tally={report.education} total={report.total} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="代表类别" tally={report.category} total={report.total} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="选举单位" tally={report.unit} total={report.total} />
          </Col>
        </Row>
      </Card>
    </>
  );
}

function TallyTable({
  title,
  tally,
  total,
}: {
  title: string;
  tally: StructureTally[];
  total: number;
}) {
  return (
    <Table<StructureTally>
      size="small"
      bordered
      pagination={false}
      rowKey="label"
      title={() => <strong>{title}</strong>}
      dataSource={tally}
      columns={[
        { title: '分类', dataIndex: 'label' },
        { title: '人数', dataIndex: 'count', width: 70, align: 'right' },
        {
          title: '占比',
          key: 'share',
          width: 80,
          align: 'right',
          render: (_v, t) => (total === 0 ? '—' : `${((1000 * t.count) / total / 10).toFixed(1)}%`),
        },
      ]}
    />
  );
}
