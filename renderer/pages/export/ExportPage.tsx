import { Tabs } from 'antd';
import { StepHeading } from '../../components/StepHeading';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { KeyringPanel } from './KeyringPanel';
import { SurveyPanel } from './SurveyPanel';
import { VerifyPanel } from './VerifyPanel';
import './export.css';

/** 报送: the signed results package, checking one, and backups of the database. */
export function ExportPage() {
  return (
    <section aria-labelledby="page-title" className="export-page">
      <StepHeading step="export" />
      <Tabs
        items={[
          { key: 'export', label: '导出结果包', children: <ExportPanel /> },
          { key: 'verify', label: '核验结果包', children: <VerifyPanel /> },
          { key: 'keyring', label: '密钥登记', children: <KeyringPanel /> },
          { key: 'survey', label: '报送汇总', children: <SurveyPanel /> },
          { key: 'backup', label: '备份与恢复', children: <BackupPanel /> },
        ]}
      />
    </section>
  );
}
