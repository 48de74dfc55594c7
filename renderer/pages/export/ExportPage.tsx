import { Tabs } from 'antd';
import { StepHeading } from '../../components/StepHeading';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
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
          { key: 'backup', label: '备份与恢复', children: <BackupPanel /> },
        ]}
      />
    </section>
  );
}
