import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Survey, SurveyRow } from '../../../shared/api/keyring';
import { turnoutText, verdictLabels } from '../../../shared/strings/verdicts';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { downloadBase64 } from '../setup/files';
import { TextField } from './TextField';
import { countyMessage } from './words';

const tags: Record<SurveyRow['verdict'], string> = {
  fail: 'red',
  unregistered: 'gold',
  pass: 'green',
};

/**
 * 报送汇总: a folder of the townships' packages (a USB stick), each verified against the keyring,
 * in one table with what needs attention on top; printable and saved as a workbook.
 */
export function SurveyPanel() {
  const [folder, setFolder] = useState('');
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const load = async () => {
    setProblem(null);
    const result = await api['keyring.survey']({ folder });
    if (result.ok) setSurvey(result.value);
    else setProblem(countyMessage(result.error));
  };

  const xlsx = async () => {
    setProblem(null);
    const result = await api['keyring.surveyXlsx']({ folder });
    if (!result.ok) return setProblem(countyMessage(result.error));
    setSurvey(result.value.survey);
    downloadBase64(
      result.value.base64,
      result.value.fileName,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };

  return (
    <div className="export-panel">
      <Card size="small" title="报送汇总" className="survey-controls">
        <Typography.Paragraph type="secondary">
          把各乡镇报送的结果包放在一个文件夹里（如 U
          盘），逐个核验并按本机的密钥登记查找签名者。未通过和签名者未登记的排在最前。
        </Typography.Paragraph>
        <Space wrap>
          <TextField
            label="结果包所在文件夹"
            value={folder}
            onChange={setFolder}
            width={420}
            placeholder="如 E:\报送 或 /media/U盘/报送"
            onEnter={() => run(load)}
          />
          <Button type="primary" loading={busy} onClick={() => run(load)}>
            核验并汇总
          </Button>
          <Button disabled={!survey} onClick={() => window.print()}>
            打印
          </Button>
          <Button disabled={!folder} onClick={() => run(xlsx)}>
            导出 Excel
          </Button>
        </Space>
      </Card>
      {problem && <Alert type="error" showIcon title={problem} />}
      {survey && <SurveyTable survey={survey} />}
    </div>
  );
}

function SurveyTable({ survey }: { survey: Survey }) {
  const { pass, unregistered, fail } = survey.counts;
  return (
    <section className="survey-print">
      <Typography.Title level={4}>报送汇总</Typography.Title>
      <Typography.Paragraph data-testid="survey-counts">
        {survey.folder}：共 {survey.rows.length} 个结果包，{verdictLabels.fail} {fail} 个，
        {verdictLabels.unregistered} {unregistered} 个，{verdictLabels.pass} {pass} 个。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="file"
        pagination={false}
        dataSource={survey.rows}
        data-testid="survey-table"
        rowClassName={(row) => `survey-${row.verdict}`}
        expandable={{
          // What is wrong, on a line of its own under the package, across the whole table.
          expandedRowRender: (row) => <span className="survey-reason">原因：{row.reason}</span>,
          expandedRowKeys: survey.rows.filter((r) => r.reason !== '').map((r) => r.file),
          expandedRowClassName: (row) => `survey-${row.verdict}`,
          showExpandColumn: false,
        }}
        columns={[
          {
            title: '核验结论',
            width: 110,
            render: (_v, row) => <Tag color={tags[row.verdict]}>{verdictLabels[row.verdict]}</Tag>,
          },
          {
            title: '大会',
            width: 260,
            render: (_v, row) => (
              <>
                <div>{row.congress ?? '—'}</div>
                <Typography.Text type="secondary">
                  {row.organiser ?? ''} {row.heldOn ?? ''}
                </Typography.Text>
              </>
            ),
          },
          { title: '选举事项', width: 250, render: (_v, row) => perElection(row, (e) => e.title) },
          { title: '应选', width: 56, render: (_v, row) => perElection(row, (e) => e.seats) },
          {
            title: '当选',
            width: 150,
            render: (_v, row) => perElection(row, (e) => e.elected.join('、') || '无人当选'),
          },
          {
            title: '实到/应到',
            width: 120,
            render: (_v, row) => perElection(row, (e) => turnoutText(e.present, e.entitled)),
          },
          {
            title: '文件',
            width: 220,
            render: (_v, row) => <span className="survey-file">{row.file}</span>,
          },
        ]}
      />
    </section>
  );
}

/** One line per election of the package, so the columns of one election line up. */
function perElection(row: SurveyRow, cell: (e: SurveyRow['elections'][number]) => ReactNode) {
  if (row.elections.length === 0) return '—';
  return row.elections.map((e) => <div key={e.title}>{cell(e)}</div>);
}
