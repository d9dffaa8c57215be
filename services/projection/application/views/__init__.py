"""The view updaters: for each contract message the projection uses, how it changes the views.

A message type missing here is counted as ignored, never an error: topics gain types over time.
"""

from services.projection.application.views import intake, ledger, order_events, shipments, stock, tracking
from services.projection.application.views.common import Updater

UPDATERS: dict[str, Updater] = {
    **intake.UPDATERS,
    **order_events.UPDATERS,
    **stock.UPDATERS,
    **shipments.UPDATERS,
    **tracking.UPDATERS,
    **ledger.UPDATERS,
}
