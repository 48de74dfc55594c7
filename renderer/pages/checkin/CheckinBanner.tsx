/** What the desk just did, large enough to read from the queue: green, amber, red or blue. */
export interface BannerNews {
  tone: 'success' | 'warning' | 'error' | 'info';
  /** The headline: the delegate's name, or what went wrong. */
  title: string;
  /** The unit, or what to do next. */
  subtitle?: string;
  /** The time, or a note (without a vote, excused …). */
  detail?: string;
  /** A new number for each piece of news, so the same news twice still flashes. */
  serial: number;
}

const marks: Record<BannerNews['tone'], string> = {
  success: '✓',
  warning: '!',
  error: '✕',
  info: 'i',
};

export function CheckinBanner({ news }: { news: BannerNews | null }) {
  if (!news) {
    return (
      <div className="checkin-banner idle" data-testid="checkin-banner" data-tone="idle">
        <span className="checkin-banner-hint">
          扫描代表证，或输入姓名、拼音首字母（如 zs）、全拼后按 <kbd>Enter</kbd>
        </span>
      </div>
    );
  }
  return (
    <div
      key={news.serial}
      className={`checkin-banner ${news.tone}`}
      role={news.tone === 'success' || news.tone === 'info' ? 'status' : 'alert'}
      data-testid="checkin-banner"
      data-tone={news.tone}
    >
      <span className="checkin-banner-mark" aria-hidden="true">
        {marks[news.tone]}
      </span>
      <div className="checkin-banner-text">
        <div className="checkin-banner-title">{news.title}</div>
        {news.subtitle && <div className="checkin-banner-subtitle">{news.subtitle}</div>}
        {news.detail && <div className="checkin-banner-detail">{news.detail}</div>}
      </div>
    </div>
  );
}
