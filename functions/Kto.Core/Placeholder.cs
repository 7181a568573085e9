namespace Kto.Core;
