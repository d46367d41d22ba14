from django.core.management.base import BaseCommand

from geopark.reporting import queue, services


class Command(BaseCommand):
    help = "Make queued reports: until none is left (--once), or for ever as a worker process."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Make what is queued now, then stop.")

    def handle(self, *args, once: bool = False, **options):
        if once:
            made = services.run_pending()
            self.stdout.write(f"{made} report(s) made.")
            return
        self.stdout.write("Report worker started; Ctrl-C stops it.")
        queue.work_forever()
