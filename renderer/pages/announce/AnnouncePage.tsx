import { Alert, App, Button, Card, Empty, Space } from 'antd';
import { useState } from 'react';
import type { ResultReport } from '../../../shared/api/results';
import { api } from '../../api';
import { StepHeading } from '../../components/StepHeading';
import { openProjector } from '../../components/projector';
import { useAppStatus } from '../../stores/app-status';
import { ReportDialog } from '../../components/ReportDialog';
import { AnnouncementBoard } from './AnnouncementBoard';
import { ElectionAnnounce } from './ElectionAnnounce';
import { useAnnouncement } from './useAnnouncement';
import './announce.css';

/** 宣布: the certified results on the projector, and the sheets printed for the record. */
export function AnnouncePage() {
  const status = useAppStatus((s) => s.status);
  const congress = status?.congress ?? null;
  const elections = status?.elections ?? [];
  const shown = useAnnouncement();
  const [report, setReport] = useState<{ report: ResultReport; title: string } | null>(null);
  const { message } = App.useApp();

  const takeDown = async () => {
    const done = await api['results.announce']({ roundId: null });
    if (done.ok) message.success('已撤下投影中的选举结果');
    else message.error(done.error.message);
  };

  return (
    <section aria-labelledby="page-title" className="announce-page">
      <StepHeading step="announce" />
      {!congress ? (
        <Alert type="warning" showIcon title="尚未创建大会：请管理员先在“设置”中创建大会" />
      ) : (
        <>
          <Space className="announce-toolbar" wrap>
            <Button onClick={() => void openProjector()}>打开投影窗口</Button>
            <Button
              onClick={() =>
                setReport({
                  report: { kind: 'summary', congressId: congress.id },
                  title: `${congress.name}选举结果汇总`,
                })
              }
            >
              选举结果汇总
            </Button>
            {shown && (
              <Button danger onClick={() => void takeDown()}>
                撤下投影
              </Button>
            )}
          </Space>
          <Card title="投影屏幕" className="announce-screen" size="small">
            {shown ? (
              <AnnouncementBoard announcement={shown} preview />
            ) : (
              <p className="announce-idle">
                投影上没有宣布的结果。只有经总监票人签核的结果才能宣布。
              </p>
            )}
          </Card>
          {elections.length === 0 && <Empty description="尚未设置选举事项" />}
          {elections.map((e) => (
            <ElectionAnnounce
              key={e.id}
              electionId={e.id}
              shownRoundId={shown?.roundId ?? null}
              onPrint={(r, title) => setReport({ report: r, title })}
            />
          ))}
        </>
      )}
      <ReportDialog
        report={report?.report ?? null}
        title={report?.title ?? ''}
        onClose={() => setReport(null)}
      />
    </section>
  );
}
