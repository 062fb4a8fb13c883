"""A partner system written against a client generated from openapi/openapi.json alone.

`openapi-python-client` (PyPI) generates the `etakirjasto_client` package from the committed
document; this script uses nothing else of the project. Given a running server (BASE) and an API
client an admin made (CLIENT_ID, CLIENT_SECRET), it gets a token, lists the library's online events,
registers a patron for the first, lists the session types and their bookable times, and books the
first free time. It prints what it made as JSON for the test to check, and exits non-zero on any
refusal.
"""

import datetime
import json
import os
import sys

from etakirjasto_client import AuthenticatedClient, Client
from etakirjasto_client.api.bookings import create_booking
from etakirjasto_client.api.events import list_events, register_for_event
from etakirjasto_client.api.partners import issue_token
from etakirjasto_client.api.services import get_service, list_services, list_slots
from etakirjasto_client.models import (
    EventMode,
    NewBooking,
    NewRegistration,
    PartnerToken,
    PartnerTokenRequest,
    Problem,
    SeatType,
    SessionMode,
)
from etakirjasto_client.types import UNSET


def ok(answer, what):
    """The parsed answer, or exit naming what was refused."""
    if answer.parsed is None or isinstance(answer.parsed, Problem):
        print(f"{what}: {answer.status_code} {answer.content!r}", file=sys.stderr)
        sys.exit(1)
    return answer.parsed


def main():
    base = os.environ["BASE"]
    anonymous = Client(base_url=base)
    token = ok(
        issue_token.sync_detailed(
            client=anonymous,
            body=PartnerTokenRequest(
                grant_type="client_credentials",
                client_id=os.environ["CLIENT_ID"],
                client_secret=os.environ["CLIENT_SECRET"],
            ),
        ),
        "token",
    )
    assert isinstance(token, PartnerToken)
    partner = AuthenticatedClient(base_url=base, token=token.access_token)

    events = ok(
        list_events.sync_detailed(client=partner, library="kalajoki", mode=EventMode.ONLINE),
        "events",
    )
    event = events.items[0]
    registration = ok(
        register_for_event.sync_detailed(
            event.id,
            client=partner,
            body=NewRegistration(
                seat_type=SeatType.ONLINE,
                name="Generoitu Asiakas",
                email="generoitu@example.fi",
                patron_consent=True,
            ),
        ),
        "registration",
    )

    services = ok(list_services.sync_detailed(client=partner, library="kalajoki"), "services")
    service = services.items[0]
    detail = ok(get_service.sync_detailed(service.id, client=partner), "service")
    now = datetime.datetime.now(datetime.timezone.utc)
    slots = ok(
        list_slots.sync_detailed(
            service.id,
            client=partner,
            from_=now + datetime.timedelta(days=7),
            to=now + datetime.timedelta(days=14),
        ),
        "slots",
    )
    booking = ok(
        create_booking.sync_detailed(
            client=partner,
            body=NewBooking(
                service_id=service.id,
                start=slots.slots[0].start,
                mode=detail.modes[0],
                name="Generoitu Asiakas",
                email="generoitu@example.fi",
                phone="040 123 4567" if detail.modes[0] == SessionMode.PHONE else UNSET,
                accept_ground_rules=True,
            ),
        ),
        "booking",
    )
    print(
        json.dumps(
            {
                "event_id": event.id,
                "registration_id": registration.id,
                "registration_status": str(registration.status),
                "booking_id": booking.id,
                "booking_start": booking.start.isoformat(),
            }
        )
    )


if __name__ == "__main__":
    main()
