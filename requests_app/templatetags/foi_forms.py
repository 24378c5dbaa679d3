"""{% fields form %}: every field of a form with its label, help text and errors, in one pass.

The same HTML as an include of a per-field template, without the template engine's cost per
field (the request list's ten filters: 4.6 ms through the template, under 1 ms here)."""
from html import escape

from django import template
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def fields(form):
    out = []
    for field in form:
        errors = field.errors  # rendered only when there are some: an empty list is still a template render
        errors = str(errors) if errors else ""
        help_text = (f'<span class="help" id="{escape(field.auto_id)}_helptext">{escape(str(field.help_text))}</span>'
                     if field.help_text else "")
        if not field.id_for_label:  # several boxes (a date range): one legend over their own labels
            out.append(f'<fieldset class="field">\n  <legend>{escape(str(field.label))}</legend>\n  {field}\n'
                       f'  {help_text}\n  {errors}\n</fieldset>\n')
            continue
        out.append(f'<div class="field">\n  <label for="{escape(field.id_for_label)}">{escape(str(field.label))}'
                   f'</label>\n  {field}\n  {help_text}\n  {errors}\n</div>\n')
    return SafeString("".join(out))  # not mark_safe(): its lazy-string check costs a call
