"""Multilingual content: a language map {"en": ..., "fr": ..., "zh-hans": ...} with fallback.

Interface strings use gettext; content that organisers and exhibitors write is stored as a language
map in a JSON column. Reading falls back from the current language to the edition's default
language (set per request by the edition middleware), then English, then any language present.
"""

from __future__ import annotations

import contextvars
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES: tuple[str, ...] = ("en", "fr", "zh-hans")
LANGUAGE_LABELS = {"en": "English", "fr": "Français", "zh-hans": "中文"}

# The edition's default language for the request being served (None outside an edition).
default_content_language: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "default_content_language", default=None
)


def normalise_language(code: str | None) -> str:
    code = (code or "en").lower()
    if code.startswith("zh"):
        return "zh-hans"
    return code.split("-")[0] if code.split("-")[0] in CONTENT_LANGUAGES else code


def localized(
    value: Mapping[str, str] | str | None,
    language: str | None = None,
    default_language: str | None = None,
) -> str:
    """The text of `value` in `language` (default: the active one), with fallback."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    order = [
        normalise_language(language or translation.get_language()),
        default_language or default_content_language.get() or "en",
        "en",
        *CONTENT_LANGUAGES,
    ]
    for code in order:
        text = value.get(code)
        if text:
            return text
    return next((text for text in value.values() if text), "")


def plain_text(value: Mapping[str, str] | None) -> str:
    """All languages of a map as one string, for search indexes."""
    if not value:
        return ""
    return " ".join(text for text in value.values() if text)


def validate_i18n(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("Expected a map of language code to text."), code="i18n_type")
    unknown = sorted(set(value) - set(CONTENT_LANGUAGES))
    if unknown:
        raise ValidationError(
            _("Unknown language code(s): %(codes)s. Allowed: %(allowed)s."),
            code="i18n_language",
            params={"codes": ", ".join(unknown), "allowed": ", ".join(CONTENT_LANGUAGES)},
        )
    for code, text in value.items():
        if not isinstance(text, str):
            raise ValidationError(
                _("The %(code)s text must be a string."), code="i18n_text", params={"code": code}
            )


def i18n_required(value: Mapping[str, str] | None) -> None:
    if not value or not any((text or "").strip() for text in value.values()):
        raise ValidationError(_("Enter the text in at least one language."), code="required")


class I18nWidget(forms.MultiWidget):
    template_name = "web/widgets/i18n.html"

    def __init__(self, textarea: bool = False, attrs: dict[str, Any] | None = None) -> None:
        widget = forms.Textarea(attrs={"rows": 3}) if textarea else forms.TextInput()
        super().__init__(dict.fromkeys(CONTENT_LANGUAGES, widget), attrs)

    def decompress(self, value: Any) -> list[str]:
        value = value or {}
        if isinstance(value, str):
            value = {"en": value}
        return [value.get(code, "") for code in CONTENT_LANGUAGES]


class I18nFormField(forms.MultiValueField):
    def __init__(self, *, textarea: bool = False, **kwargs: Any) -> None:
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        fields = [forms.CharField(required=False) for _code in CONTENT_LANGUAGES]
        super().__init__(
            fields, widget=I18nWidget(textarea=textarea), require_all_fields=False, **kwargs
        )

    def compress(self, data_list: list[str]) -> dict[str, str]:
        data = dict(zip(CONTENT_LANGUAGES, data_list or [], strict=False))
        return {code: text.strip() for code, text in data.items() if text and text.strip()}

    def validate(self, value: Any) -> None:
        if self.required:
            i18n_required(value)


class I18nField(models.JSONField):
    """A language map; `blank=False` requires text in at least one language."""

    textarea = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        validate_i18n(value)
        if not self.blank:
            i18n_required(value)

    def formfield(self, **kwargs: Any) -> forms.Field:
        return I18nFormField(
            textarea=self.textarea,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=kwargs.get("help_text", self.help_text),
        )


class I18nTextField(I18nField):
    textarea = True
