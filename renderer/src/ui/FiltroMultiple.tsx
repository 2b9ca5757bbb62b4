import { MultiSelect, Pill, type MultiSelectProps } from '@mantine/core';

export interface FiltroMultipleProps extends Omit<MultiSelectProps, 'data' | 'value' | 'renderPill'> {
  data: readonly { value: string; label: string }[];
  value: string[];
}

/**
 * A MultiSelect for a filter bar that stays one line high: the first chosen value as a pill and «+N» for
 * the others (named in its tooltip, checked in the list), so choosing three estatus does not grow the bar.
 */
export function FiltroMultiple({ data, value, placeholder, ...props }: FiltroMultipleProps) {
  const etiqueta = (v: string) => data.find((d) => d.value === v)?.label ?? v;
  return (
    <MultiSelect
      {...props}
      data={data as { value: string; label: string }[]}
      value={value}
      // The field's name shows while nothing is chosen (its aria-label names it always).
      placeholder={value.length ? undefined : placeholder}
      styles={{ pillsList: { flexWrap: 'nowrap' }, inputField: { minWidth: 16 } }}
      renderPill={({ option, onRemove }) => {
        const i = value.indexOf(String(option.value));
        if (i === 0) return <Pill withRemoveButton onRemove={onRemove} removeButtonProps={{ 'aria-label': `Quitar ${option.label}` }}>{option.label}</Pill>;
        if (i === 1) return <Pill title={value.slice(1).map(etiqueta).join(', ')}>+{value.length - 1}</Pill>;
        return null;
      }}
    />
  );
}
