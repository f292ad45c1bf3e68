import Yams
import ZIPFoundation
