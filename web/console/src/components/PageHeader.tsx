// Each page's single <h1>, with optional actions on the right. Focus moves to it after navigation.
import { useEffect, useRef, type ReactNode } from 'react';
import { Typography } from 'antd';

let firstPage = true;

export default function PageHeader({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, []);

  return (
    <div style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <h1 ref={heading} tabIndex={-1} className="zt-page-title" style={{ flex: 1, minWidth: 200 }}>
          {title}
        </h1>
        {extra ? <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div> : null}
      </div>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {description}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
