from oms_identity.bootstrap import definition
from oms_platform.service import run_service

if __name__ == "__main__":
    run_service(definition())
