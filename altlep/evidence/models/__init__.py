"""Evidence models, one module per body of evidence (money flows first; sectors, resilience…)."""

from altlep.evidence.models.impact import *  # noqa: F401,F403,E402
from altlep.evidence.models.resilience import *  # noqa: F401,F403,E402
from altlep.evidence.models.sectors import (  # noqa: F401,E402
    GvaPerJob,
    NomisDataset,
    NomisImport,
    NomisObservation,
    SectorCode,
    SectorDefinition,
)
from altlep.evidence.models.spend import (  # noqa: F401
    Analysis,
    AnchorBody,
    BodyKind,
    FileUpload,
    MatchDecision,
    RegisterStage,
    RegisterUpload,
    SpendUpload,
    SupplierSurvey,
    UploadStatus,
)
