import { App } from 'antd';
import type { Printout } from '../../../shared/api/printouts';
import { ReportDialog } from '../../components/ReportDialog';
import { useSession } from '../../stores/session';

/**
 * A set-up printout as it will come out (ballots, sign-in sheets, cards), titled as the printout
 * titles itself, with 保存为 PDF for the administrator.
 */
export function PreviewDialog(props: {
  printout: Printout | null;
  onClose: () => void;
  onPrinted: () => void;
}) {
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const { message } = App.useApp();

  return (
    <ReportDialog
      report={props.printout}
      saveLabel="保存为 PDF"
      canSave={isAdmin}
      onClose={props.onClose}
      onSaved={(pdf) => {
        message.success(
          pdf.roundState === 'printed'
            ? `已生成 ${pdf.fileName}，本轮选票已标记为“已印制”`
            : `已生成 ${pdf.fileName}`,
        );
        props.onPrinted();
        props.onClose();
      }}
    />
  );
}
