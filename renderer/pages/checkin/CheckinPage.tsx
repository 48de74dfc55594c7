import { Alert, Button, Input, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckinDelegate, CheckinOutcome } from '../../../shared/api/checkin';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { roleLabels } from '../../../shared/strings/roles';
import { api } from '../../api';
import { openProjector } from '../../components/projector';
import { StepHeading } from '../../components/StepHeading';
import { useAppStatus } from '../../stores/app-status';
import { useSession } from '../../stores/session';
import { beep } from './beep';
import { CheckinBanner, type BannerNews } from './CheckinBanner';
import { CountsPanel } from './CountsPanel';
import { MatchList, type MatchActions } from './MatchList';
import { RecentMarks } from './RecentMarks';
import { UndoDialog } from './UndoDialog';
import { useAttendance } from './useAttendance';
import { useDeskFocus } from './useDeskFocus';
import { useDeskSearch } from './useDeskSearch';
import { clock } from '../../../shared/strings/time';
import { outsideEntitled, unitOf } from './words';
import './checkin.css';

type News = Omit<BannerNews, 'serial'>;

/**
 * 报到, built for a queue at the door: one search box that always has the focus. A scanned card
 * (its code and Enter) checks the delegate in at once; a name, pinyin or initials lists the
 * matches to pick with ↑/↓ and Enter or a number key.
 */
export function CheckinPage() {
  const congress = useAppStatus((s) => s.status?.congress ?? null);
  const role = useSession((s) => s.session?.role);
  const canMark = inGroup(roleGroups.checkinDesk, role);
  const congressId = congress?.id ?? null;
  const attendance = useAttendance(congressId);
  const search = useDeskSearch(congressId);
  const [highlight, setHighlight] = useState(-1);
  const [news, setNews] = useState<BannerNews | null>(null);
  const [undoing, setUndoing] = useState<CheckinDelegate | null>(null);
  const box = useRef<InputRef>(null);
  const serial = useRef(0);
  // Enter after Enter (a scanner does not wait): each one is handled after the one before.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const { results, query } = search;
  const shown = results !== null && results.query === query.trim() ? results : null;
  useEffect(() => setHighlight(shown?.total === 1 ? 0 : -1), [shown]);

  const announce = useCallback((next: News) => {
    serial.current += 1;
    setNews({ ...next, serial: serial.current });
  }, []);

  const afterMark = useCallback(() => {
    search.forget();
    void attendance.refresh();
  }, [search, attendance]);

  const checkIn = useCallback(
    async (d: CheckinDelegate, via: 'card' | 'search') => {
      if (!canMark) {
        announce({
          tone: 'error',
          title: '当前角色不能登记报到',
          subtitle: '报到由计票人或管理员登记',
        });
        return;
      }
      const result = await api['checkin.checkIn']({ delegateId: d.id, via });
      if (!result.ok) {
        const again = result.error.code === 'conflict';
        announce({
          tone: again ? 'warning' : 'error',
          title: again ? `${d.name} 已经报到` : '报到没有完成',
          subtitle: result.error.message,
        });
        beep('refused');
        afterMark();
        return;
      }
      announce(checkedIn(result.value));
      beep('ok');
      afterMark();
    },
    [announce, afterMark, canMark],
  );

  const restore = useCallback(
    (q: string) => {
      if (box.current?.input?.value === '') search.type(q);
    },
    [search],
  );

  /** What Enter means for the query that was in the box when it was pressed. */
  const resolveEnter = useCallback(
    async (q: string, picked: CheckinDelegate | undefined) => {
      if (picked) return checkIn(picked, 'search');
      const result = await search.searchFor(q);
      if (!result.ok) {
        announce({ tone: 'error', title: '查找没有完成', subtitle: result.error.message });
        return;
      }
      const { card, matches, total } = result.value;
      if (card) return checkIn(card, 'card');
      const [only] = matches;
      if (total === 1 && only) return checkIn(only, 'search');
      restore(q);
      if (total === 0) {
        announce({
          tone: 'error',
          title: `没有找到“${q}”`,
          subtitle: '名册中没有这个代表证号或姓名，请核对后重新输入',
        });
        beep('unknown');
        return;
      }
      announce({
        tone: 'info',
        title: `有 ${total} 名代表与“${q}”相符`,
        subtitle: '请用 ↑/↓ 选择后按 Enter，或按名单前的数字键',
      });
    },
    [announce, checkIn, restore, search],
  );

  /** Runs after everything queued before it; a bug in one step does not stop the desk. */
  const enqueue = useCallback(
    (task: () => Promise<void>) => {
      queue.current = queue.current.then(task).catch((error: unknown) => {
        console.error('报到处理出错', error);
        announce({ tone: 'error', title: '程序内部错误，本次操作没有完成', subtitle: '请重试' });
      });
    },
    [announce],
  );

  const submit = useCallback(() => {
    const q = search.query.trim();
    if (q === '') return;
    const picked = shown && highlight >= 0 ? shown.matches[highlight] : undefined;
    search.type('');
    enqueue(() => resolveEnter(q, picked));
  }, [enqueue, highlight, resolveEnter, search, shown]);

  const pickNow = useCallback(
    (d: CheckinDelegate) => {
      search.type('');
      enqueue(() => checkIn(d, 'search'));
    },
    [checkIn, enqueue, search],
  );

  const mark = useCallback(
    async (d: CheckinDelegate, status: 'leave' | 'absent') => {
      const result = await api['checkin.mark']({ delegateId: d.id, status });
      if (!result.ok) {
        announce({ tone: 'error', title: '登记没有完成', subtitle: result.error.message });
        beep('refused');
        return;
      }
      announce({
        tone: 'info',
        title: `${d.name} 已登记${status === 'leave' ? '请假' : '缺席'}`,
        subtitle: unitOf(d),
      });
      afterMark();
    },
    [announce, afterMark],
  );

  const focusBox = useCallback(() => box.current?.focus(), []);
  useDeskFocus(box, undoing !== null, submit);

  const actions: MatchActions = {
    checkIn: pickNow,
    mark: (d, status) => void mark(d, status),
    undo: setUndoing,
  };

  // A digit continues a card number wherever one could follow; elsewhere it picks from the list.
  const numberKeys = shown !== null && !shown.cardLike && !/\d/.test(query);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = shown?.matches.length ?? 0;
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      search.type('');
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : count - 1;
      setHighlight((h) => (h < 0 ? (step === 1 ? 0 : count - 1) : (h + step) % count));
    } else if (numberKeys && /^[1-9]$/.test(event.key) && !event.altKey && !event.ctrlKey) {
      const picked = shown?.matches[Number(event.key) - 1];
      if (picked) {
        event.preventDefault();
        pickNow(picked);
      }
    }
  };

  return (
    <section aria-labelledby="page-title" className="checkin-page">
      <StepHeading step="checkin" />
      {!congress && (
        <Alert
          type="warning"
          showIcon
          title="尚未创建大会：请管理员先在“设置”中创建大会并导入代表名册"
        />
      )}
      {congress && !canMark && role && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`您以${roleLabels[role]}身份登录，可以查看报到情况；报到、请假、缺席与撤销由计票人或管理员登记。`}
        />
      )}
      {congress && (
        <div className="checkin-grid">
          <div className="checkin-desk">
            <Input
              ref={box}
              autoFocus
              size="large"
              className="checkin-search"
              aria-label="扫描代表证或输入姓名、拼音"
              placeholder="扫描代表证，或输入姓名、拼音首字母、全拼"
              value={query}
              maxLength={40}
              onChange={(event) => search.type(event.target.value)}
              onKeyDown={onKeyDown}
              autoComplete="off"
              spellCheck={false}
            />
            <CheckinBanner news={news} />
            {shown ? (
              <MatchList
                results={shown}
                highlight={highlight}
                numberKeys={numberKeys}
                canMark={canMark}
                actions={actions}
              />
            ) : (
              <>
                <h3 className="checkin-section-title">最近登记</h3>
                <RecentMarks
                  recent={attendance.overview?.recent ?? []}
                  canMark={canMark}
                  onUndo={setUndoing}
                />
              </>
            )}
          </div>
          <aside className="checkin-side">
            {attendance.problem && <Alert type="error" showIcon title={attendance.problem} />}
            {attendance.overview && attendance.overview.counts.roster === 0 && (
              <Alert
                type="warning"
                showIcon
                title="名册中还没有代表：请管理员在“设置”中导入代表名册"
                style={{ marginBottom: 12 }}
              />
            )}
            {attendance.overview && <CountsPanel board={attendance.overview} />}
            <Button
              block
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void openProjector()}
              style={{ marginTop: 12 }}
            >
              在投影上显示报到情况（Alt+T）
            </Button>
          </aside>
        </div>
      )}
      <UndoDialog
        delegate={undoing}
        onClose={() => {
          setUndoing(null);
          focusBox();
        }}
        onDone={(outcome) => {
          setUndoing(null);
          // At once, not after the closing animation: the next scan may already be coming.
          focusBox();
          announce({
            tone: 'info',
            title: `已撤销 ${outcome.delegate.name} 的登记`,
            subtitle: `${unitOf(outcome.delegate)}：回到“未报到”`,
          });
          afterMark();
        }}
        afterClose={focusBox}
      />
    </section>
  );
}

function checkedIn({ delegate }: CheckinOutcome): News {
  const at = delegate.attendance ? clock(delegate.attendance.at) : '';
  const outside = outsideEntitled(delegate);
  return {
    tone: 'success',
    title: delegate.name,
    subtitle: `${unitOf(delegate)}\u3000代表证号 ${delegate.cardNo}`,
    detail: `${at} 报到成功${outside ? `（${outside}）` : ''}`,
  };
}
