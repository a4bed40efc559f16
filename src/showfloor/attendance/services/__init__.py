"""Every write of the attendance app. Other apps call these (stable signatures):

- register_participant(actor, edition, **fields) -> Participant
- issue_badge(actor, participant) -> Badge (idempotent); reprint_badge revokes and reissues
- record_scans / scan_badge for scanner devices; capture_lead for exhibitors
"""

from showfloor.attendance.services.badges import issue_badge, reprint_badge, revoke_badges
from showfloor.attendance.services.leads import capture_lead, update_lead
from showfloor.attendance.services.privacy import erase_participant, export_participant_data
from showfloor.attendance.services.registration import (
    cancel_registration,
    register_participant,
    save_registration_form,
    send_confirmation_mail,
)
from showfloor.attendance.services.scanning import (
    ScanOutcome,
    ScanRequest,
    offline_list,
    record_scans,
    register_device,
    revoke_device,
    save_access_rule,
    save_gate,
    scan_badge,
    web_scanner_device,
)

__all__ = [
    "ScanOutcome",
    "ScanRequest",
    "cancel_registration",
    "capture_lead",
    "erase_participant",
    "export_participant_data",
    "issue_badge",
    "offline_list",
    "record_scans",
    "register_device",
    "register_participant",
    "reprint_badge",
    "revoke_badges",
    "revoke_device",
    "save_access_rule",
    "save_gate",
    "save_registration_form",
    "scan_badge",
    "send_confirmation_mail",
    "update_lead",
    "web_scanner_device",
]
