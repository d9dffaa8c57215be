from oms_platform.service import run_service
from services.inventory.bootstrap import definition

if __name__ == "__main__":
    run_service(definition())
