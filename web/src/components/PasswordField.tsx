import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's password input with its show/hide toggle named in the interface language. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(
  function PasswordField(props, ref) {
    const { t } = useTranslation();
    return (
      <PasswordInput
        ref={ref}
        {...props}
        visibilityToggleButtonProps={{ 'aria-label': t('form.showPassword') }}
      />
    );
  },
);
