import { Button, Col, DatePicker, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CongressRecord } from '../../../shared/api/congress';
import { optionChoiceLabels, optionLabels, profileLabels } from '../../../shared/strings/setup';
import { PROFILE_RULES } from '../../../shared/tally/profiles';
import {
  PROFILES,
  type OptionKey,
  type ProfileId,
  type RuleOptions,
} from '../../../shared/tally/types';
import { defaultBallotInstructions } from '../../../shared/strings/ballot';

export interface CongressFormValues {
  name: string;
  term: string;
  organiser: string;
  venue: string;
  heldOn: Dayjs | null;
  profile: ProfileId;
  options: Partial<RuleOptions>;
  ballotInstructions: string;
  machineReadable: boolean;
}

/** What the API takes from the form: only the options the profile lets a congress set. */
export function congressInput(values: CongressFormValues) {
  const settable = PROFILE_RULES[values.profile].options;
  return {
    name: values.name,
    term: values.term,
    organiser: values.organiser,
    venue: values.venue,
    heldOn: values.heldOn?.format('YYYY-MM-DD') ?? '',
    profile: values.profile,
    options: Object.fromEntries(settable.map((key) => [key, values.options[key]])),
    ballotInstructions: values.ballotInstructions,
    machineReadable: values.machineReadable,
  };
}

export function congressValues(congress: CongressRecord | null): CongressFormValues {
  const profile = congress?.profile ?? 'party-grassroots';
  return {
    name: congress?.name ?? '',
    term: congress?.term ?? '',
    organiser: congress?.organiser ?? '',
    venue: congress?.venue ?? '',
    heldOn: congress ? dayjs(congress.heldOn) : null,
    profile,
    options: congress?.options ?? PROFILE_RULES[profile].defaults,
    ballotInstructions: congress?.ballotInstructions ?? '',
    machineReadable: congress?.machineReadable ?? true,
  };
}

const profileOptions = PROFILES.map((id) => ({ value: id, label: profileLabels[id] }));

/** The congress's particulars and its 选举办法 settings, as the organisation department gives them. */
export function CongressForm({
  name,
  form,
  initial,
  onFinish,
}: {
  /** Names the form, so that two forms mounted at once keep distinct field ids. */
  name: string;
  form: FormInstance<CongressFormValues>;
  initial: CongressFormValues;
  onFinish: (values: CongressFormValues) => void;
}) {
  const profile = Form.useWatch('profile', form) ?? 'party-grassroots';
  const settable = PROFILE_RULES[profile].options;

  return (
    <Form<CongressFormValues>
      form={form}
      name={name}
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<CongressFormValues>) => {
        if (changed.profile) form.setFieldValue('options', PROFILE_RULES[changed.profile].defaults);
      }}
    >
      <Row gutter={24}>
        <Col xs={24} lg={16}>
          <Form.Item
            name="name"
            label="大会名称"
            extra="印在选票、签到表和代表证上，如：中国共产党东湖镇第十六次代表大会"
            rules={[
              { required: true, whitespace: true, message: '请输入大会名称' },
              { max: 200, message: '大会名称不能超过 200 个字' },
            ]}
          >
            <Input autoFocus autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            name="term"
            label="届次"
            rules={[{ max: 40, message: '届次不能超过 40 个字' }]}
          >
            <Input autoComplete="off" placeholder="如：第十六次" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            name="heldOn"
            label="召开日期"
            extra="代表年龄按此日计算"
            rules={[{ required: true, message: '请选择召开日期' }]}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            name="organiser"
            label="主办单位"
            rules={[{ max: 100, message: '不能超过 100 个字' }]}
          >
            <Input autoComplete="off" placeholder="如：中共东湖镇委员会" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            name="venue"
            label="会议地点"
            rules={[{ max: 100, message: '不能超过 100 个字' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5} className="form-section">
        选举办法
      </Typography.Title>
      <Form.Item
        name="profile"
        label="选举规则类型"
        rules={[{ required: true, message: '请选择规则类型' }]}
      >
        <Select options={profileOptions} />
      </Form.Item>
      <Row gutter={24}>
        {settable.map((key) => (
          <Col xs={24} lg={12} key={key}>
            <OptionField option={key} />
          </Col>
        ))}
      </Row>
      <Form.Item
        name="machineReadable"
        label="机读选票"
        valuePropName="checked"
        extra="选票四角印定位标记，右上角印本轮选票的识别码（同一轮每张选票相同，不含编号），可扫描录入"
      >
        <Switch checkedChildren="允许" unCheckedChildren="不用" />
      </Form.Item>
      <Form.Item
        name="ballotInstructions"
        label="选票说明"
        extra="留空时，选票印制默认说明（有无另选人栏时自动调整）。每行一条。"
        rules={[{ max: 2000, message: '选票说明不能超过 2000 个字' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={defaultBallotInstructions(1)}
        />
      </Form.Item>
      <Button
        size="small"
        onClick={() => form.setFieldValue('ballotInstructions', defaultBallotInstructions(1))}
        style={{ marginTop: -8, marginBottom: 16 }}
      >
        填入默认说明后修改
      </Button>
      <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
    </Form>
  );
}

function OptionField({ option }: { option: OptionKey }) {
  const choices = Object.entries(optionChoiceLabels[option]);
  return (
    <Form.Item name={['options', option]} label={optionLabels[option]}>
      <Radio.Group
        orientation="vertical"
        options={choices.map(([value, label]) => ({ value, label }))}
      />
    </Form.Item>
  );
}
