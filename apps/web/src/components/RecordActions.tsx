import { Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../i18n/i18n';

/**
 * The actions of a row in an admin table: edit, and retire after a confirmation naming the
 * record. `onRetire` absent hides retire (an account cannot retire itself).
 */
export function RecordActions(props: { name: string; onEdit: () => void; onRetire?: () => void }) {
  const { t } = useI18n();
  const { onRetire } = props;
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={props.onEdit}>
        {t('app.edit')}
      </Button>
      {onRetire && (
        <Popconfirm title={`${t('app.retire')}：${props.name}`} onConfirm={onRetire}>
          <Button type="link" size="small" danger>
            {t('app.retire')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
